import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { workspaceAdvisoryLookup } from '../advisories/workspace-advisories';
import type { JobContext } from '../jobs/job-context';
import { defineJobKind, type ResultOf } from '../jobs/job-kinds';
import { exportFileName, unknownFormat } from './export-files';
import { exportFormatById } from './formats';

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
 * Cancel between the steps, or the runner ends the worker if a step runs on.
 */
export async function runWorkspaceExport(ctx: JobContext, payload: WorkspaceExportPayload): Promise<ResultOf<'export'>> {
  const format = exportFormatById(payload.format);
  if (!format) throw unknownFormat(payload.format);
  const now = new Date();
  ctx.progress(0, 2, `Reading what the workspace knows of every agent for the ${format.label}`);
  const text = format.render({ db: ctx.workspace.db, advisories: workspaceAdvisoryLookup(ctx.workspace.db), workspaceName: payload.workspaceName, author: ctx.author, now, toolVersion: payload.toolVersion });
  ctx.throwIfCancelled();
  ctx.progress(1, 2, `Writing the ${format.label}`);
  const partial = `${payload.target}.partial`;
  try {
    writeFileSync(partial, text, 'utf8');
    ctx.throwIfCancelled();
    renameSync(partial, payload.target);
  } finally {
    rmSync(partial, { force: true });
  }
  ctx.progress(2, 2, `Wrote the ${format.label}`);
  return { kind: 'export', value: { format: format.id, fileName: exportFileName(format, payload.workspaceName, now), mediaType: format.mediaType, bytes: Buffer.byteLength(text) } };
}

export const workspaceExportJob = defineJobKind('export', runWorkspaceExport);
