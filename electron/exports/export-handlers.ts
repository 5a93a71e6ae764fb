import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { BackendError } from '../../shared/errors';
import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { APP_STALL_BUDGET_MS } from '../api/host-stall-budget';
import { countAgents } from '../agents/agents-repository';
import { unknownFormat } from './export-files';
import { runWorkspaceExport } from './export-job';
import { exportRunsOnHostThread } from './export-placement';
import { EXPORT_FORMATS, exportFormatById } from './formats';

/** The workspace as a SARIF, CycloneDX, manifest, JSON or registry spreadsheet file: what the Exports page, the Inventory and `agent-triage export` ask for. */
export function exportHandlers(session: Session) {
  /** Files of export jobs, by job id, in the engine's scratch folder until taken. */
  const written = new Map<string, string>();
  // The entry stays, so taking the file still answers why there is none.
  const removeFilesOf = (jobId: string) => {
    const path = written.get(jobId);
    if (path) for (const file of [path, `${path}.partial`]) rmSync(file, { force: true });
  };
  return {
    exportFormats: () => EXPORT_FORMATS.map(({ id, label, audience, extension, mediaType }) => ({ id, label, audience, extension, mediaType })),
    startWorkspaceExport: ({ format }, ctx) => {
      const chosen = exportFormatById(format);
      // Refused now, not inside the job: a wrong format is an answer to the request, not a failed job.
      if (!chosen) throw unknownFormat(format);
      const workspace = session.workspace();
      const target = session.scratch.path(randomUUID());
      const title = `Export ${chosen.label}`;
      const payload = { format: chosen.id, workspaceName: workspace.name, toolVersion: session.options.version, target };
      const author = { actor: ctx.actor, via: ctx.via };
      const job = exportRunsOnHostThread(chosen, countAgents(workspace.db), session.options.hostStallBudgetMs ?? APP_STALL_BUDGET_MS)
        ? session.startJobInProcess('export', title, author, null, (jobContext) => runWorkspaceExport(jobContext, payload))
        : session.startJob('export', title, payload, author);
      written.set(job.id, target);
      // A job that ends any other way than with its file leaves none: one cancelled on this thread
      // after its last step, or stopped in a worker between writing and removing its partial file.
      void session.jobs.waitFor(job.id).then(
        (done) => {
          if (done.state !== 'succeeded') removeFilesOf(job.id);
        },
        () => undefined,
      );
      return job;
    },
    takeWorkspaceExport: ({ jobId }) => {
      const job = session.jobs.get(jobId);
      const path = written.get(jobId);
      if (job.kind !== 'export' || !path) throw new BackendError('not-found', `Job ${jobId} is not a workspace export.`);
      if (job.state !== 'succeeded' || job.result?.kind !== 'export') throw new BackendError('conflict', job.state === 'running' ? 'The export is still being written.' : `The export ${job.state}: ${job.error?.message ?? ''}`.trim());
      let content: Buffer;
      try {
        content = readFileSync(path);
      } catch {
        throw new BackendError('not-found', 'This export was already handed over; export it again.');
      }
      rmSync(path, { force: true });
      written.delete(jobId);
      return { fileName: job.result.value.fileName, mimeType: job.result.value.mediaType, contentBase64: content.toString('base64') };
    },
  } satisfies Partial<Handlers>;
}
