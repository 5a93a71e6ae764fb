import type { ExportedFile } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/errors';
import type { Engine } from '../api/engine-types';
import { CliError, type CommandContext } from './command';
import { callEngine } from './engine-session';
import { waitForJob } from './wait-for-job';

/**
 * One workspace export (`export`, `registry export`) as the job it is in the app: progress drawn
 * on the terminal, Ctrl+C cancels it, and the file is handed over only when the job succeeded.
 */
export async function runExportJob(engine: Pick<Engine, 'dispatch'>, format: string, ctx: CommandContext): Promise<ExportedFile> {
  const { id } = await callEngine(engine, 'startWorkspaceExport', { format });
  const job = await waitForJob(engine, id, ctx);
  if (job.state === 'cancelled') throw new CliError('cancelled', 'The export was cancelled; no file was written.');
  if (job.state !== 'succeeded') throw new CliError(ERROR_CODES.find((c) => c === job.error?.code) ?? 'internal', job.error?.message ?? 'The export ended without a file.');
  return callEngine(engine, 'takeWorkspaceExport', { jobId: id });
}
