import type { CliEnv, CliIo } from './command';

export interface CliJsonDocument {
  ok: boolean;
  value?: Record<string, unknown>;
  error?: { code: string; message: string; details?: unknown };
}

/** A CliIo that records what a run printed, for driving runCli in-process. */
export function captureIo(options: { env?: CliEnv; cwd?: string; stderrIsTTY?: boolean; stopSignal?: AbortSignal; rendererDir?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.stderrIsTTY ?? false },
    env: options.env ?? {},
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.stopSignal !== undefined ? { stopSignal: options.stopSignal } : {}),
    ...(options.rendererDir !== undefined ? { rendererDir: options.rendererDir } : {}),
  };
  return {
    io,
    stdout: () => stdout,
    stderr: () => stderr,
    /** stdout as the one JSON document --json promises. */
    json: () => JSON.parse(stdout) as CliJsonDocument,
  };
}
