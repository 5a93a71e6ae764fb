import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { BackendError } from '../../shared/errors';
import { workspaceAdvisoryLookup } from '../advisories/workspace-advisories';
import { enUsNumber } from '../../shared/en-us-numbers';
import { countAgents } from '../agents/agents-repository';
import type { JobContext } from '../jobs/job-context';
import { defineJobKind, type ResultOf } from '../jobs/job-kinds';
import { fileErrorReason } from '../store/file-error-reason';
import { exportFileName, unknownFormat } from './export-files';
import { exportFormatById, type ExportSteps } from './formats';

export interface WorkspaceExportPayload {
  format: string;
  /** The workspace's name as the host shows it: the engagement the file describes. */
  workspaceName: string;
  toolVersion: string;
  /** Where the host wants the file; written beside it and renamed, so a cancel leaves nothing. */
  target: string;
}

/**
 * Writes one export in the job worker, on its own connection: the manifest or the JSON of a
 * 2,000-agent workspace takes seconds to tens of seconds, which must not stop the app answering.
 * Progress moves agent by agent, then step by step (the agents, what the format works out after
 * them, writing the file); a cancel is taken at any of those steps. The file is written beside
 * the target and renamed into place, so a cancel or failure leaves nothing.
 */
export async function runWorkspaceExport(ctx: JobContext, payload: WorkspaceExportPayload): Promise<ResultOf<'export'>> {
  const format = exportFormatById(payload.format);
  if (!format) throw unknownFormat(payload.format);
  const now = new Date();
  const { db } = ctx.workspace;
  // Every agent, then putting the file together, then writing it.
  const agents = countAgents(db);
  const total = agents + 2;
  const say = (done: number, message: string) => {
    ctx.throwIfCancelled();
    ctx.progress(done, total, message);
  };
  const which = agents === 0 ? 'its agents (none yet)' : agents === 1 ? 'its one agent' : `its ${enUsNumber(agents)} agents`;
  say(0, `Reading what the workspace knows of ${which} for the ${format.label}`);
  const steps: ExportSteps = {
    onAgent: (done, of) => say(Math.min(done, agents), `Read agent ${enUsNumber(done)} of ${enUsNumber(of)} for the ${format.label}`),
    step: (message) => say(agents, `${message} for the ${format.label}`),
  };
  const content = await format.render({ db, advisories: workspaceAdvisoryLookup(db), workspaceName: payload.workspaceName, author: ctx.author, now, toolVersion: payload.toolVersion, steps });
  say(agents + 1, `Writing the ${format.label}`);
  const partial = `${payload.target}.partial`;
  try {
    writeFileSync(partial, content);
    ctx.throwIfCancelled();
    renameSync(partial, payload.target);
  } catch (err) {
    throw err instanceof BackendError ? err : notWritten(format.label, payload.target, err);
  } finally {
    rmSync(partial, { force: true });
  }
  ctx.progress(total, total, `Wrote the ${format.label}`);
  const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  return { kind: 'export', value: { format: format.id, fileName: exportFileName(format, payload.workspaceName, now), mediaType: format.mediaType, bytes } };
}

/**
 * The file is written where the engine keeps files until they are taken (the temp folder), so what
 * a person can do about a refused write is make room there or point the engine at another folder.
 */
function notWritten(label: string, target: string, err: unknown): BackendError {
  return new BackendError(
    'internal',
    `The ${label} could not be written to ${dirname(target)}: ${fileErrorReason(err)}. Nothing was saved. Free some space in the temp folder, or start the app with TMPDIR (TEMP on Windows) set to a folder you can write to, and export again.`,
  );
}

export const workspaceExportJob = defineJobKind('export', runWorkspaceExport);
