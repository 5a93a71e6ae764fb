import { posix } from 'node:path';
import type { ConfigFindings } from '../findings';
import type { ConfigContext } from './context';
import { redactSecrets } from '../evidence';
import { ConfigSource } from './source';
import { newFindings } from './units';

/** Dockerfile, Dockerfile.prod, worker.Dockerfile, Containerfile. */
export const DOCKERFILE_NAME = /^(dockerfile|containerfile)([.-][\w.-]+)?$|\.dockerfile$/i;

/**
 * A Dockerfile declares no unit: a compose service (or another deployment) that builds it does.
 * What it tells the linker is the command its image runs (ENTRYPOINT + CMD of the final stage)
 * and where the build context's files land (WORKDIR, COPY), so `build: ./svc` with no
 * `command:` still leads to the code the service runs. Nothing is built or run.
 */
export function analyzeDockerfile(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  let entrypoint: string[] = [];
  let cmd: string[] = [];
  let workdir: string | null = null;
  let line = 0;
  /** Absolute folders in the image → folders of the build context, from COPY/ADD. */
  let copies: Copy[] = [];
  /** EXPOSE of the final stage: the image answers there, which is what starts it when nothing else deploys it. */
  let exposed: string[] = [];
  for (const instruction of instructions(src.lines)) {
    const [keyword, rest] = [instruction.keyword, instruction.rest];
    if (keyword === 'FROM') {
      // A new stage: what the final stage runs is what the image runs.
      [entrypoint, cmd, workdir, copies, line, exposed] = [[], [], null, [], 0, []];
    } else if (keyword === 'EXPOSE') {
      exposed.push(...shellWords(rest).filter((w) => /^\d+(\/(tcp|udp))?$/.test(w)));
    } else if (keyword === 'WORKDIR') {
      workdir = workdir && !rest.startsWith('/') ? posix.join(workdir, rest) : rest;
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      const all = shellWords(rest);
      // `COPY --from=build …` copies out of another stage, not from the build context.
      if (all.some((w) => w.startsWith('--from'))) continue;
      const words = all.filter((w) => !w.startsWith('--'));
      const to = words.pop();
      const base = to && (to.startsWith('/') ? to : workdir ? posix.join(workdir, to) : null);
      if (base) {
        for (const from of words) {
          const source = from.replace(/^\.\/?/, '');
          // `COPY requirements.txt .` copies one file into the folder: the folder is not the file's
          // (a later `COPY . .` maps it). `COPY src/main.py /app/main.py` names the file itself.
          if (FILE_SOURCE.test(source)) {
            const into = to!.endsWith('/') || to === '.' || words.length > 1 || !FILE_SOURCE.test(posix.basename(base));
            copies.push({ from: source, to: into ? posix.join(base, posix.basename(source)) : base, file: true });
          } else copies.push({ from: source, to: base.replace(/\/$/, '') });
        }
      }
    } else if (keyword === 'ENTRYPOINT' || keyword === 'CMD') {
      const words = commandWords(rest);
      if (keyword === 'ENTRYPOINT') entrypoint = words;
      else cmd = words;
      line = instruction.line;
    }
  }
  const command = [...entrypoint, ...cmd].join(' ').trim();
  if (!command) return null;
  const evidence = src.evidence('docker.entry-point.command', line);
  if (!evidence) return null;
  return { ...newFindings(path, 'dockerfile'), image: { command: redactSecrets(imageToContext(command, workdir, copies)), evidence, ...(exposed.length > 0 ? { ports: exposed } : {}) } };
}

interface Instruction {
  keyword: string;
  rest: string;
  line: number;
}

/** Instructions with their continuation lines joined; comments dropped. */
function instructions(lines: string[]): Instruction[] {
  const out: Instruction[] = [];
  let current: Instruction | null = null;
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (!current && (text === '' || text.startsWith('#'))) return;
    if (current) {
      if (!text.startsWith('#')) current.rest += ` ${text.replace(/\\$/, '').trim()}`;
    } else {
      const match = text.match(/^([A-Za-z]+)\s+(.*)$/);
      if (!match) return;
      current = { keyword: match[1]!.toUpperCase(), rest: match[2]!.replace(/\\$/, '').trim(), line: i + 1 };
    }
    if (!raw.trimEnd().endsWith('\\')) {
      out.push(current);
      current = null;
    }
  });
  if (current) out.push(current);
  return out;
}

/** Exec form `["python", "-m", "app"]` or shell form `python -m app`. */
function commandWords(rest: string): string[] {
  if (rest.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(rest);
      if (Array.isArray(parsed) && parsed.every((w) => typeof w === 'string')) return parsed as string[];
    } catch {
      // Not valid JSON: Docker runs it as a shell command, and so do we read it.
    }
  }
  return shellWords(rest);
}

function shellWords(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** `/app/src/main.py` → `src/main.py` when the context was copied to /app, so the linker finds it in the build context. */
/** A file name with an extension: `requirements.txt`, `src/main.py` (not `src`, not `.`). */
const FILE_SOURCE = /(^|\/)[^/.][^/]*\.[A-Za-z0-9]+$/;

/** A COPY/ADD: a folder (or, with `file`, one file) of the build context and where it lands in the image. */
interface Copy {
  from: string;
  to: string;
  file?: boolean;
}

function imageToContext(command: string, workdir: string | null, copies: Copy[]): string {
  let out = command;
  // A file copied by name is that file wherever the command names it.
  for (const { from, to } of copies.filter((c) => c.file)) out = out.split(to).join(from);
  const targets = copies.filter((c) => !c.file).sort((a, b) => b.to.length - a.to.length);
  for (const { from, to } of targets) {
    const prefix = from === '' || from === '.' ? '' : `${from.replace(/\/$/, '')}/`;
    out = out.split(`${to}/`).join(prefix);
  }
  if (workdir) out = out.split(`${workdir.replace(/\/$/, '')}/`).join('');
  return out;
}
