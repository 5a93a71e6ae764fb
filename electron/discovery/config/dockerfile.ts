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
  let copies: Array<{ from: string; to: string }> = [];
  for (const instruction of instructions(src.lines)) {
    const [keyword, rest] = [instruction.keyword, instruction.rest];
    if (keyword === 'FROM') {
      // A new stage: what the final stage runs is what the image runs.
      [entrypoint, cmd, workdir, copies, line] = [[], [], null, [], 0];
    } else if (keyword === 'WORKDIR') {
      workdir = workdir && !rest.startsWith('/') ? posix.join(workdir, rest) : rest;
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      const all = shellWords(rest);
      // `COPY --from=build …` copies out of another stage, not from the build context.
      if (all.some((w) => w.startsWith('--from'))) continue;
      const words = all.filter((w) => !w.startsWith('--'));
      const to = words.pop();
      const base = to && (to.startsWith('/') ? to : workdir ? posix.join(workdir, to) : null);
      if (base) for (const from of words) copies.push({ from: from.replace(/^\.\/?/, ''), to: base.replace(/\/$/, '') });
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
  return { ...newFindings(path, 'dockerfile'), image: { command: redactSecrets(imageToContext(command, workdir, copies)), evidence } };
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
function imageToContext(command: string, workdir: string | null, copies: Array<{ from: string; to: string }>): string {
  let out = command;
  const targets = [...copies].sort((a, b) => b.to.length - a.to.length);
  for (const { from, to } of targets) {
    const prefix = from === '' || from === '.' ? '' : `${from.replace(/\/$/, '')}/`;
    out = out.split(`${to}/`).join(prefix);
  }
  if (workdir) out = out.split(`${workdir.replace(/\/$/, '')}/`).join('');
  return out;
}
