import { todayIso } from '../../shared/registry';
import { BackendError, ERROR_CODES, type ApiErrorData } from '../../shared/errors';
import { exportRegistryFile } from '.';
import { allAgentRecords } from '../agents/agents-repository';
import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';

export function registryHandlers(session: Session) {
  return {
    // Parsing a workbook takes exceljs seconds and hundreds of MB: done in a job worker, never on
    // the host's main thread (in the desktop app, Electron's main process), even for a preview.
    previewRegistryImport: async ({ fileName, contentBase64 }, ctx) => {
      const job = session.startJob('registry-preview', `Check ${fileName}`, { fileName, contentBase64 }, { actor: ctx.actor, via: ctx.via });
      const done = await session.jobs.waitFor(job.id);
      if (done.state === 'succeeded' && done.result?.kind === 'registry-preview') return done.result.value;
      throw BackendError.fromData(jobErrorData(done.error));
    },
    startRegistryImport: ({ fileName, contentBase64, skipRows }, ctx) => {
      const job = session.startJob('registry-import', `Import ${fileName}`, { fileName, contentBase64, skipRows }, { actor: ctx.actor, via: ctx.via });
      return { jobId: job.id };
    },
    exportRegistry: ({ format }) => exportRegistryFile(allAgentRecords(session.workspace().db), format, todayIso()),
  } satisfies Partial<Handlers>;
}

/** A job's error as the contract carries it; the worker sends BackendError data (row errors in `details`) through as it was. */
function jobErrorData(error: { code: string; message: string; details?: unknown } | null): ApiErrorData {
  if (!error) return { code: 'internal', message: 'The file check stopped without saying why.' };
  const code = ERROR_CODES.find((c) => c === error.code) ?? 'internal';
  return error.details === undefined ? { code, message: error.message } : { code, message: error.message, details: error.details };
}
