import type { ErrorCode } from '../../shared/errors';

/** Where a CLI run reads and writes: the real process in main.ts, in-memory buffers in tests. */
export interface CliIo {
  stdout: TextWriter;
  stderr: TextWriter;
  env: CliEnv;
  /** Relative paths on the command line are resolved against this. Default: process.cwd(). */
  cwd?: string;
  /** Aborted on Ctrl+C / SIGTERM: `serve` stops, a running job is cancelled. */
  stopSignal?: AbortSignal;
  /** The built renderer `serve` hands to the browser. Default: out/renderer beside the bundle. */
  rendererDir?: string;
}

export type CliEnv = Record<string, string | undefined>;

export interface TextWriter {
  write(text: string): unknown;
  /** Progress lines are drawn only on a terminal. */
  isTTY?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * A failure the CLI reports as one line (and as `{"ok":false,"error":…}` with --json). Engine
 * errors keep their contract code, so a script sees the same codes the UI does.
 */
export class CliError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  readonly details: unknown;
  /** Shown on stderr above the one-line reason in text mode (e.g. per-row import errors). */
  readonly detailLines: readonly string[];

  constructor(code: ErrorCode, message: string, extra: { exitCode?: number; details?: unknown; detailLines?: readonly string[] } = {}) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.exitCode = extra.exitCode ?? EXIT_FAILURE;
    this.details = extra.details;
    this.detailLines = extra.detailLines ?? [];
  }
}

export function usageError(message: string): CliError {
  return new CliError('invalid-input', message, { exitCode: EXIT_USAGE });
}

export interface CommandOption {
  name: string;
  type: 'string' | 'boolean';
  /** How help shows the value: `--workspace W`. */
  valueName?: string;
  description: string;
  required?: boolean;
}

export interface CommandArgument {
  name: string;
  description: string;
  /** The last argument may take one or more values (`scan DIR...`). */
  variadic?: boolean;
}

/** What a command gets to do its work; output goes through it so --json stays one clean document. */
export interface CommandContext {
  io: CliIo;
  cwd: string;
  version: string;
  json: boolean;
  positionals: readonly string[];
  /** Value of a string option, or undefined when not given. */
  text(name: string): string | undefined;
  flag(name: string): boolean;
  /** The command's result: `{"ok":true,"value":…}` on stdout with --json, else `humanText`. */
  printResult(value: unknown, humanText: string): void;
  /** A one-line status on stderr, redrawn in place; only on a terminal, so logs stay clean. */
  showProgress(line: string): void;
  clearProgress(): void;
}

/** One file per command under commands/; add it to commands/index.ts and help, parsing and --json come with it. */
export interface CliCommand {
  /** The words that select it: ['serve'], ['registry', 'import']. */
  words: readonly string[];
  summary: string;
  arguments?: readonly CommandArgument[];
  options: readonly CommandOption[];
  /** Extra help lines: examples, what is written where. */
  notes?: readonly string[];
  /**
   * The options and notes as help shows them, when they come from a module the command loads only
   * to run (the export formats and their writers): `--help` loads it, other commands never do.
   */
  describe?(): Promise<Pick<CliCommand, 'options' | 'notes'>>;
  /**
   * Does the work. Loads what it needs with import() here, never at the top of the command's file:
   * every command's file is loaded for help and routing, so a static import of the engine, a
   * parser or a writer would be paid by every run of every command (start-up budget: 0.5 s).
   */
  run(ctx: CommandContext): Promise<void>;
}
