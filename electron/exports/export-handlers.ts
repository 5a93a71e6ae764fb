import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { BackendError } from '../../shared/errors';
import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { unknownFormat } from './export-files';
import { EXPORT_FORMATS, exportFormatById } from './formats';

/** The workspace as a SARIF, CycloneDX, manifest or JSON file: what the Exports page, the Inventory and `agent-triage export` ask for. */
export function exportHandlers(session: Session) {
  /** Files of export jobs, by job id, in the engine's scratch folder until taken. */
  const written = new Map<string, string>();
  return {
    exportFormats: () => EXPORT_FORMATS.map(({ id, label, audience, extension, mediaType }) => ({ id, label, audience, extension, mediaType })),
    startWorkspaceExport: ({ format }, ctx) => {
      const chosen = exportFormatById(format);
      // Refused now, not inside the job: a wrong format is an answer to the request, not a failed job.
      if (!chosen) throw unknownFormat(format);
      const workspace = session.workspace();
      const target = session.scratch.path(randomUUID());
      const job = session.startJob('export', `Export ${chosen.label}`, { format: chosen.id, workspaceName: workspace.name, toolVersion: session.options.version, target }, { actor: ctx.actor, via: ctx.via });
      written.set(job.id, target);
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
