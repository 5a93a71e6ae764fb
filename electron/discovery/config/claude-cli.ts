import { CLAUDE_DEFAULT_TOOLS, claudeToolGrants, claudeToolInputs, claudeToolName, permissionModeNote, splitClaudeTools } from '../claude-code-tools';
import type { UnitFinding } from '../findings';
import { commandLines, simpleCommands } from './commands';
import type { ConfigSource } from './source';
import { addCapability, addLlm } from './units';

/** What one headless Claude Code run (`claude -p "…"`) is given on its command line. */
export interface ClaudeCliRun {
  models: string[];
  /** Tools it may use without asking (`--allowedTools "Bash(git:*) Edit"`), as written. */
  allowed: string[];
  disallowed: string[];
  /** `--permission-mode`, or bypassPermissions for `--dangerously-skip-permissions`. */
  mode: string | null;
  /** MCP configuration files it loads (`--mcp-config .github/mcp.json`), as written; JSON given inline is not a file. */
  mcpConfigs: string[];
}

/** `claude`, a path ending in /claude, or the npm package run through npx/bunx/pnpm dlx. */
const CLAUDE_PROGRAM = /^(?:.*\/)?claude$|^@anthropic-ai\/claude-code(@[\w.-]+)?$/;
const LAUNCHERS = new Set(['npx', 'bunx', 'exec', 'nohup', 'env', 'time', 'sudo']);
const PRINT_FLAGS = new Set(['-p', '--print']);

/**
 * A headless Claude Code run in a shell line: Claude Code as an agent, with the tools its flags
 * allow. `claude` without `-p`/`--print` is an interactive session (or `claude mcp add`, `claude
 * --version`), not a run a script starts unattended.
 */
export function claudeCliRunIn(line: string): ClaudeCliRun | null {
  for (const words of simpleCommands(line)) {
    const at = programAt(words);
    if (!CLAUDE_PROGRAM.test(words[at] ?? '')) continue;
    const args = words.slice(at + 1);
    if (!args.some((arg) => PRINT_FLAGS.has(arg))) continue;
    return parseFlags(args);
  }
  return null;
}

/** Where the program of a command starts, past `FOO=bar`, `npx -y`, `timeout 300`, `pnpm dlx`. */
function programAt(words: string[]): number {
  let at = 0;
  for (;;) {
    const word = words[at];
    if (word === undefined) return at;
    if (/^[A-Za-z_]\w*=/.test(word)) at++;
    else if (word === 'timeout') {
      at++;
      while (words[at]?.startsWith('-')) at++;
      at++; // the duration
    } else if (LAUNCHERS.has(word) || ((word === 'pnpm' || word === 'yarn') && words[at + 1] === 'dlx')) {
      at += word === 'pnpm' || word === 'yarn' ? 2 : 1;
      while (words[at]?.startsWith('-')) at++;
    } else return at;
  }
}

function parseFlags(args: string[]): ClaudeCliRun {
  const run: ClaudeCliRun = { models: [], allowed: [], disallowed: [], mode: null, mcpConfigs: [] };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const values = (): string[] => {
      if (inline !== undefined) return toolSpecs(inline);
      // Tool lists run until the next flag: `--allowedTools Read Edit "Bash(git:*)"`.
      const taken: string[] = [];
      while (i + 1 < args.length && !args[i + 1]!.startsWith('-')) taken.push(...toolSpecs(args[++i]!));
      return taken;
    };
    if (flag === '--allowedTools' || flag === '--allowed-tools') run.allowed.push(...values());
    else if (flag === '--disallowedTools' || flag === '--disallowed-tools') run.disallowed.push(...values());
    else if (flag === '--mcp-config') {
      const files = inline !== undefined ? [inline] : [];
      while (inline === undefined && i + 1 < args.length && !args[i + 1]!.startsWith('-')) files.push(args[++i]!);
      run.mcpConfigs.push(...files.filter((file) => /\.json$/i.test(file) && !file.trim().startsWith('{')));
    } else if (flag === '--dangerously-skip-permissions') run.mode = 'bypassPermissions';
    else if (flag === '--permission-mode') run.mode = inline ?? args[++i] ?? null;
    else if (flag === '--model') {
      const model = inline ?? args[++i];
      if (model && /^[\w.:@/-]+$/.test(model)) run.models.push(model);
    }
  }
  return run;
}

/** "Bash(git diff:*),Edit" or "Read Edit": specs separated by commas or spaces outside parentheses. */
function toolSpecs(text: string): string[] {
  return (splitClaudeTools(text.replace(/\s+(?![^(]*\))/g, ',')) ?? []).filter(Boolean);
}

/**
 * Records a headless Claude Code run on a unit: the model use, and what its flags let run
 * unasked (`--dangerously-skip-permissions` every built-in tool). Returns whether the line was one.
 */
export function recordClaudeCli(src: ConfigSource, unit: UnitFinding, line: string, lineNo: number): boolean {
  const run = claudeCliRunIn(line);
  if (!run) return false;
  addLlm(unit, 'anthropic', 'claude-code CLI (claude -p)', run.models, src.evidence('claude.llm.cli', lineNo));
  const loads = run.mcpConfigs.length > 0 ? src.evidence('claude.link.mcp-config', lineNo) : null;
  for (const file of run.mcpConfigs) if (loads && !(unit.mcpConfigFiles ??= []).some((f) => f.path === file)) unit.mcpConfigFiles.push({ path: file, evidence: loads });
  const evidence = src.evidence('claude.capability.cli-tools', lineNo);
  if (!evidence) return true;
  const disallowed = new Set(run.disallowed.map(claudeToolName));
  const note = permissionModeNote(run.mode);
  const granted = new Set(run.allowed.map(claudeToolName));
  const unasked = run.mode === 'bypassPermissions' ? CLAUDE_DEFAULT_TOOLS.filter((spec) => !granted.has(spec)) : run.mode === 'acceptEdits' ? ['Write', 'Edit'].filter((spec) => !granted.has(spec)) : [];
  for (const spec of [...run.allowed, ...unasked]) {
    if (disallowed.has(claudeToolName(spec))) continue;
    for (const found of claudeToolGrants(spec)) {
      const withNote = note && (run.mode === 'bypassPermissions' || found.kind === 'file-write') ? `${found.detail} (${note})` : found.detail;
      addCapability(unit, found.kind, withNote, evidence);
    }
    for (const input of claudeToolInputs(spec)) {
      if (!unit.untrustedInputs.some((i) => i.kind === input.kind && i.detail === input.detail)) unit.untrustedInputs.push({ kind: input.kind, detail: input.detail, tool: null, evidence });
    }
  }
  return true;
}

/** A hook or script command with `$CLAUDE_PROJECT_DIR` written as the project folder, so its script can be found. */
export function withProjectDir(command: string, project: string): string {
  const dir = project || '.';
  return command.replace(/"\$\{?CLAUDE_PROJECT_DIR\}?"|'\$\{?CLAUDE_PROJECT_DIR\}?'|\$\{?CLAUDE_PROJECT_DIR\}?/g, dir);
}

/** Every headless Claude Code run of a script block (a workflow step's `run:`), each at the first line of `lines` that names claude. */
export function recordClaudeCliIn(src: ConfigSource, unit: UnitFinding, script: string, lines: [number, number] | null): void {
  if (!/\bclaude\b|claude-code/.test(script)) return;
  let from = lines?.[0] ?? 1;
  const to = lines?.[1] ?? src.lines.length;
  for (const command of commandLines(script)) {
    if (!claudeCliRunIn(command)) continue;
    const line = src.findLine(/\bclaude\b|claude-code/, from, to) || from;
    recordClaudeCli(src, unit, command, line);
    from = line + 1;
  }
}
