import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import type { ImportPreview, JobStatus, LocalFile, UploadedFile } from '../../shared/contract';
import { BackendError, ERROR_CODES, type ApiErrorData } from '../../shared/errors';
import type { CallContext, Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { APP_STALL_BUDGET_MS } from '../api/host-stall-budget';
import { importRunsOnHostThread, importWeightOf } from './import-placement';
import { listImports } from './imports-repository';
import type { ImportChoices, ImportPayload } from './run-import';

type ImportFile = UploadedFile | LocalFile;

/** Identifies a set of files by content (uploads) or by path, size and time (local files), so an import finds the preview job that already read them. */
function offerKeyOf(files: ImportFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    if ('contentBase64' in file) hash.update(`${file.fileName}\0${file.contentBase64.length}\0`).update(file.contentBase64);
    else {
      const stat = statSync(file.path, { throwIfNoEntry: false });
      hash.update(`${file.fileName}\0${file.path}\0${stat?.size ?? -1}\0${stat?.mtimeMs ?? -1}\0`);
    }
  }
  return hash.digest('hex');
}

/** Paths come only from the command line: a renderer naming a file for the engine to read is refused. */
function checkPathsAllowed(files: ImportFile[], ctx: CallContext): void {
  if (ctx.via !== 'cli' && ctx.via !== 'test' && files.some((f) => 'path' in f)) {
    throw new BackendError('access-denied', 'Files are imported from the app by choosing them (their content is sent); only the command line may name a path.');
  }
}

/**
 * Starts the one import pipeline as a job: in a job worker, or on this thread when reading the
 * files is shorter than the stall this host can take (import-placement.ts; the same pipeline,
 * status, offer and cancel either way; only where it runs differs).
 */
function startImportJob(session: Session, title: string, payload: ImportPayload, ctx: CallContext, offerKey: string | null): JobStatus {
  const author = { actor: ctx.actor, via: ctx.via };
  if (!importRunsOnHostThread(payload.files.map(importWeightOf), session.options.hostStallBudgetMs ?? APP_STALL_BUDGET_MS)) return session.startJob('import', title, payload, author, offerKey);
  return session.startJobInProcess('import', title, author, offerKey, async (jobContext) => (await import('./run-import')).runImport(jobContext, payload));
}

const titleOf = (verb: string, files: ImportFile[]) => `${verb} ${files.length === 1 ? files[0]!.fileName : `${files.length} files`}`;

/** A job's error as the contract carries it; the worker sends BackendError data (row errors in `details`) through as it was. */
export function jobErrorData(error: { code: string; message: string; details?: unknown } | null): ApiErrorData {
  if (!error) return { code: 'internal', message: 'The import stopped without saying why.' };
  const code = ERROR_CODES.find((c) => c === error.code) ?? 'internal';
  return error.details === undefined ? { code, message: error.message } : { code, message: error.message, details: error.details };
}

/**
 * Reads the files in a job worker (the host's thread never parses an export) and answers their
 * previews. The job keeps what it read and waits: importing the same files goes on from there
 * instead of reading them again.
 */
export async function previewFiles(session: Session, files: ImportFile[], ctx: CallContext): Promise<ImportPreview[]> {
  checkPathsAllowed(files, ctx);
  session.jobs.dropOffers('import');
  const job = startImportJob(session, titleOf('Check', files), { files, mode: 'preview', skipRows: {} }, ctx, offerKeyOf(files));
  const answer = await session.jobs.waitForOffer(job.id);
  if ('offer' in answer) return answer.offer as ImportPreview[];
  throw BackendError.fromData(jobErrorData(answer.ended.error));
}

/** Imports the files: the waiting preview of the same files goes ahead, or a new job reads and imports them. */
export function importFiles(session: Session, files: ImportFile[], skipRows: Record<string, number[]>, ctx: CallContext): { jobId: string } {
  checkPathsAllowed(files, ctx);
  const title = titleOf('Import', files);
  const taken = session.jobs.takeOffer('import', offerKeyOf(files), { skipRows } satisfies ImportChoices, title);
  if (taken) return { jobId: taken.id };
  return { jobId: startImportJob(session, title, { files, mode: 'apply', skipRows }, ctx, null).id };
}

export function importHandlers(session: Session) {
  return {
    previewImport: ({ files }, ctx) => previewFiles(session, files, ctx),
    startImport: ({ files, skipRows }, ctx) => importFiles(session, files, skipRows, ctx),
    listImports: () => listImports(session.workspace().db),
  } satisfies Partial<Handlers>;
}
