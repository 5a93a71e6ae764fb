import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import type { ImportFormat, ImportPreview, ImportRecord } from '../../shared/contract';
import { IMPORT_FORMAT_LABELS } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import type { JobContext } from '../jobs/job-context';
import { keepUsageFactsCurrent } from '../usage/usage-agents';
import { defineJobKind, type ResultOf } from '../jobs/job-kinds';
import { writeTransaction } from '../store/write-transaction';
import type { Db } from '../store/workspace-file';
import type { ApplyContext, ImportPlan, ImportReader, ParsedImport, ReadContext } from './import-reader';
import { IMPORT_FAMILIES } from './import-readers';
import { HEAD_BYTES, ImportSource } from './import-source';
import { beginImport, countCloudImports, finishImport, importOfSource } from './imports-repository';

/** A file to import: uploaded bytes (UI, web host) or a path on this machine (CLI, native dialogs). */
export type ImportFileInput = { fileName: string; contentBase64: string } | { fileName: string; path: string };

export interface ImportPayload {
  files: ImportFileInput[];
  /** 'preview': read and plan, offer the previews, and apply only once the host says go. */
  mode: 'preview' | 'apply';
  /** Registry rows to leave out, by file name. */
  skipRows: Record<string, number[]>;
}

/** What the host sends with 'go' after a preview. */
export interface ImportChoices {
  skipRows: Record<string, number[]>;
}

interface ReadFile {
  source: ImportSource;
  format: ImportFormat | null;
  reader: ImportReader | null;
  parsed: ParsedImport | null;
  /** Why the file cannot be imported at all (unknown format, malformed, over a limit). */
  failure: BackendError | null;
}

const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Streamed formats never sit in memory whole; this only stops a wrong pick (a disk image) early. */
const MAX_STREAMED_BYTES = 64 * 1024 * 1024 * 1024;
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(0);

function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/** A streamed file is hashed in one chunked pass (progress, cancel) and otherwise left on disk. */
async function hashOnDisk(file: { fileName: string; path: string }, size: number, head: Buffer, ctx: ReadContext): Promise<ImportSource> {
  if (size > MAX_STREAMED_BYTES) throw new BackendError('import-invalid', `${file.fileName} is ${mb(size)} MB, over the ${mb(MAX_STREAMED_BYTES)} MB a usage import reads; export a shorter period and import the parts.`);
  const hash = createHash('sha256');
  let done = 0;
  for await (const chunk of createReadStream(file.path, { highWaterMark: 8 * 1024 * 1024 })) {
    ctx.throwIfCancelled();
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    ctx.progress(done, size, `Checking ${file.fileName}: ${mb(done)} of ${mb(size)} MB`);
  }
  return ImportSource.onDisk(file.fileName, file.path, size, hash.digest('hex'), head);
}

/** Reads a file given by path in chunks, with progress and cancel: a 200 MB export is not one silent read. */
async function loadFile(file: ImportFileInput, ctx: ReadContext): Promise<ImportSource> {
  if ('contentBase64' in file) return ImportSource.fromBytes(file.fileName, Buffer.from(file.contentBase64, 'base64'));
  let size: number;
  let head: Buffer;
  try {
    size = statSync(file.path).size;
    head = readHead(file.path);
  } catch {
    throw new BackendError('not-found', `${file.path} does not exist or cannot be read. Check the path and import again.`);
  }
  const probe = ImportSource.onDisk(file.fileName, file.path, size, '', head);
  if (IMPORT_FAMILIES.some((family) => family.streamed && family.detect(probe))) return hashOnDisk(file, size, head, ctx);
  if (size > MAX_FILE_BYTES) throw new BackendError('import-invalid', `${file.fileName} is ${mb(size)} MB, over the 512 MB an import reads; split the export (per account or project) and import the parts.`);
  const chunks: Buffer[] = [];
  let done = 0;
  for await (const chunk of createReadStream(file.path, { highWaterMark: 8 * 1024 * 1024 })) {
    ctx.throwIfCancelled();
    chunks.push(chunk as Buffer);
    done += (chunk as Buffer).length;
    ctx.progress(done, size, `Reading ${file.fileName}: ${mb(done)} of ${mb(size)} MB`);
  }
  return ImportSource.fromBytes(file.fileName, Buffer.concat(chunks, done));
}

function unknownFormat(source: ImportSource): BackendError {
  const expected = IMPORT_FAMILIES.map((r) => r.describes).join('; ');
  const what = source.size === 0 ? 'it is empty (0 bytes)' : describeContent(source);
  return new BackendError('unsupported-format', `${source.fileName} is not a file this app imports (${what}). Expected one of: ${expected}.`);
}

/** A hint of what the file is, so a person sees they picked the wrong export. */
function describeContent(source: ImportSource): string {
  const value = source.jsonOrUndefined();
  if (value === undefined) return source.looksLikeJson ? 'it is not valid JSON' : 'its content matches none of them';
  if (Array.isArray(value)) return `it is a JSON list of ${value.length} items of no known shape`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40)));
    return `it is JSON with the fields ${keys.join(', ') || '(none)'}`;
  }
  return 'it is JSON of no known shape';
}

async function readFile(source: ImportSource, ctx: ReadContext): Promise<ReadFile> {
  let format: ImportFormat | null = null;
  let reader: ImportReader | null = null;
  try {
    const family = IMPORT_FAMILIES.find((candidate) => (format = candidate.detect(source)) !== null);
    if (!family || !format) throw unknownFormat(source);
    reader = await family.load();
    const parsed = await reader.read(source, format, ctx);
    return { source, format, reader, parsed, failure: null };
  } catch (err) {
    if (!(err instanceof BackendError) || err.code === 'cancelled') throw err;
    return { source, format, reader, parsed: null, failure: err };
  }
}

function planOf(db: Db, file: ReadFile, skipRows: number[]): ImportPlan {
  if (!file.reader || !file.parsed) return { errors: [], warnings: [], counts: {}, registry: null };
  return file.reader.plan?.(db, file.parsed, file.source, skipRows) ?? { errors: [], warnings: [], counts: {}, registry: null };
}

/**
 * What the workspace is as this connection sees it: the same stamp means nothing was written in
 * between, by another connection (data_version) or by this one (total_changes).
 */
function workspaceStamp(db: Db): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${version}:${changes}`;
}

/** A plan made for the preview, kept to be used again when the go-ahead finds the workspace and the skipped rows as they were. */
interface PreviewPlan {
  plan: ImportPlan;
  skipRows: string;
  stamp: string;
}

function previewOf(db: Db, file: ReadFile, plan: ImportPlan): ImportPreview {
  const { source, parsed, reader } = file;
  return {
    fileName: source.fileName,
    sha256: source.sha256,
    format: file.format,
    formatLabel: file.format ? IMPORT_FORMAT_LABELS[file.format] : 'Unknown format',
    provider: parsed?.provider ?? null,
    scope: parsed?.scope ?? '',
    counts: { ...(parsed?.counts ?? {}), ...plan.counts },
    errors: file.failure ? [{ position: '', message: file.failure.message }] : plan.errors,
    warnings: [...(parsed?.warnings ?? []), ...plan.warnings],
    replaces: parsed && reader ? importOfSource(db, reader.sourceKey(parsed, source)) : null,
    registry: plan.registry,
    manifest: plan.manifest ?? null,
    refusal: file.failure ? file.failure.toData() : null,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The first reason a file cannot be imported as it is, as one message naming the file. */
function refusalOf(file: ReadFile, plan: ImportPlan): BackendError | null {
  if (file.failure) return file.failure;
  if (plan.errors.length === 0) return null;
  const registry = plan.registry;
  if (registry) {
    const inHeader = registry.errors.length - registry.rows.reduce((n, r) => n + r.errors.length, 0);
    const where = [registry.totals.invalid > 0 ? plural(registry.totals.invalid, 'row') : '', inHeader > 0 ? 'the header row' : ''].filter(Boolean).join(' and ');
    const remedy = inHeader > 0 ? 'Fix them and import again.' : 'Fix them, or choose to skip those rows, and import again.';
    return new BackendError('import-invalid', `${file.source.fileName} has ${plural(registry.errors.length, 'problem')} in ${where}; nothing was imported. ${remedy}`, registry.errors);
  }
  const first = plan.errors[0]!;
  return new BackendError('import-invalid', `${file.source.fileName}${first.position ? ` at ${first.position}` : ''}: ${first.message} Nothing was imported.`, plan.errors);
}

/**
 * The one import pipeline: every file is detected from its content and read once; the previews
 * (per-item errors and warnings, counts, the import each one replaces) are offered to the host
 * when asked; then all files are applied in one transaction with a provenance record each.
 * A file that cannot be imported, a cancel or any failure leaves the workspace as it was.
 */
export async function runImport(ctx: JobContext, payload: ImportPayload): Promise<ResultOf<'import'>> {
  const { db } = ctx.workspace;
  const files: ReadFile[] = [];
  const readContext: ReadContext = { progress: ctx.progress, throwIfCancelled: ctx.throwIfCancelled, purpose: payload.mode };
  for (const [index, input] of payload.files.entries()) {
    ctx.throwIfCancelled();
    ctx.progress(0, 0, `Reading ${input.fileName} (${index + 1} of ${payload.files.length})…`);
    const source = await loadFile(input, readContext);
    files.push(await readFile(source, readContext));
  }
  let skipRows = payload.skipRows;
  const previewPlans = new Map<ReadFile, PreviewPlan>();
  if (payload.mode === 'preview') {
    const stamp = workspaceStamp(db);
    const previews = files.map((file) => {
      const skip = skipRows[file.source.fileName] ?? [];
      const plan = planOf(db, file, skip);
      previewPlans.set(file, { plan, skipRows: JSON.stringify(skip), stamp });
      return previewOf(db, file, plan);
    });
    ctx.progress(1, 1, 'Waiting for the import to be confirmed');
    skipRows = ((await ctx.offer(previews)) as ImportChoices).skipRows;
  }
  const author = ctx.author;
  const records = writeTransaction(db, (): ImportRecord[] => {
    const at = new Date().toISOString();
    return files.map((file) => {
      const skip = skipRows[file.source.fileName] ?? [];
      // A preview's plan holds only while nothing was written since it was made: not by another
      // process, nor by the files before this one (stamped under the write lock, per file).
      const previewed = previewPlans.get(file);
      const reusable = previewed !== undefined && previewed.skipRows === JSON.stringify(skip) && previewed.stamp === workspaceStamp(db);
      const plan = reusable ? previewed.plan : planOf(db, file, skip);
      const refusal = refusalOf(file, plan);
      if (refusal) throw refusal;
      const { source, reader, parsed } = file as Required<{ [K in keyof ReadFile]: NonNullable<ReadFile[K]> }>;
      const { id } = beginImport(db, { sourceKey: reader.sourceKey(parsed, source), fileName: source.fileName, sha256: source.sha256, format: parsed.format, provider: parsed.provider, scope: parsed.scope, warnings: parsed.warnings }, author, at);
      const applyContext: ApplyContext = { author, skipRows: skip, plan, progress: ctx.progress, throwIfCancelled: ctx.throwIfCancelled, purpose: 'apply' };
      const written = reader.apply(db, parsed, id, source, applyContext);
      ctx.throwIfCancelled();
      // A streamed reader adds the warnings it meets while writing to parsed.warnings.
      return finishImport(db, id, { ...parsed.counts, ...written }, parsed.warnings);
    });
  });
  // Reach exists only in a workspace with cloud IAM facts: elsewhere its code is not even loaded.
  if (countCloudImports(db) > 0) (await import('../blast-radius/blast-radius-summaries')).keepReachCurrent(ctx);
  keepUsageFactsCurrent(db, ctx.progress);
  return { kind: 'import', value: records };
}


export const importJob = defineJobKind('import', runImport);
