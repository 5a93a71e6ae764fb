import { z } from 'zod';
import { BackendError } from '../../shared/errors';
import { inflatedZipEntries, printableEntryName } from '../archives/bounded-zip';
import type { Ecosystem } from '../discovery/lockfiles';
import { OSV_ARCHIVE } from './osv-archive';
import { rfc3339Instant } from './rfc3339';

/**
 * An OSV record (https://ossf.github.io/osv-schema/), reduced to what matching and display use.
 * Unknown fields (references, credits, database_specific, ...) are dropped, never rejected:
 * databases add fields all the time and a record must still import.
 */
const OsvEvent = z.object({
  introduced: z.string().optional(),
  fixed: z.string().optional(),
  last_affected: z.string().optional(),
  limit: z.string().optional(),
});

const OsvRange = z.object({
  type: z.enum(['SEMVER', 'ECOSYSTEM', 'GIT']),
  repo: z.string().optional(),
  events: z.array(OsvEvent),
});

const OsvSeverity = z.object({ type: z.string(), score: z.string() });

const OsvAffected = z.object({
  package: z.object({ ecosystem: z.string(), name: z.string(), purl: z.string().optional() }),
  ranges: z.array(OsvRange).optional(),
  versions: z.array(z.string()).optional(),
  severity: z.array(OsvSeverity).optional(),
});

/**
 * Ids become keys, file names and text on screen: real ones look like GHSA-xxxx-xxxx-xxxx,
 * PYSEC-2023-1 or CVE-2023-39659, and none holds a path, a control character or a space.
 */
const OsvId = z
  .string()
  .min(1)
  .max(200)
  .superRefine((id, ctx) => {
    const problem = idProblem(id);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

function idProblem(id: string): string | null {
  if (/[/\\]/.test(id)) return 'must not contain a path separator (/ or \\)';
  if (id.includes('..')) return 'must not contain ".."';
  // Format characters too: a right-to-left override would make an id read as another on screen.
  if (/[\p{Cc}\p{Cf}]/u.test(id)) return 'must not contain control characters';
  if (/\s/.test(id)) return 'must not contain whitespace';
  return null;
}

/** Required by the OSV schema, and what decides which of two copies of a record is newer. */
const OsvModified = z.string().refine((text) => rfc3339Instant(text) !== null, {
  error: (issue) => `must be an RFC 3339 date-time such as 2024-05-01T12:00:00Z, not ${printable(String(issue.input))}`,
});

export const OsvRecordSchema = z.object({
  id: OsvId,
  modified: OsvModified,
  published: z.string().optional(),
  withdrawn: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: z.array(OsvSeverity).optional(),
  affected: z.array(OsvAffected),
});

export type OsvRecord = z.infer<typeof OsvRecordSchema>;
export type OsvRange = z.infer<typeof OsvRange>;
export type OsvEvent = z.infer<typeof OsvEvent>;
export type OsvSeverity = z.infer<typeof OsvSeverity>;

const OSV_ECOSYSTEMS: Record<string, Ecosystem> = { pypi: 'PyPI', npm: 'npm', go: 'Go' };

/** The lockfile ecosystem an OSV `package.ecosystem` names, or null for ecosystems lockfiles here never hold. */
export function ecosystemOfOsv(osvEcosystem: string): Ecosystem | null {
  return OSV_ECOSYSTEMS[osvEcosystem.toLowerCase()] ?? null;
}

const utf8 = new TextDecoder();
const EXPECTED = 'expected OSV JSON (id, affected[]) or an OSV ecosystem zip';
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06], // an empty archive is all end-of-directory record
];

/** One record read from an advisory file, and where the reading is: entry (or list item) `done` of `total`. */
export interface OsvRecordRead {
  record: OsvRecord;
  done: number;
  total: number;
}

/**
 * Bytes of an advisory file -> OSV records, one at a time: an ecosystem zip is inflated entry by
 * entry (within OSV_ARCHIVE's limits), so a whole ecosystem never sits in memory at once. Accepts
 * one record, an array of records, or an ecosystem zip as osv.dev publishes them (one record per
 * .json entry). Throws BackendError: 'unsupported-format' for anything else, 'import-invalid' for
 * a damaged file of a known kind or an invalid record, naming the record and the field.
 */
export function* readOsvRecords(fileName: string, bytes: Uint8Array): Generator<OsvRecordRead, void, undefined> {
  if (ZIP_SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte))) {
    let found = 0;
    for (const entry of inflatedZipEntries(fileName, bytes, OSV_ARCHIVE)) {
      const where = `${fileName}/${printableEntryName(entry.name)}`;
      const value = parseJson(where, utf8.decode(entry.data));
      // Ecosystem zips hold only records; other JSON in a hand-made zip (a manifest) is skipped.
      if (!looksLikeOsv(value)) continue;
      found++;
      yield { record: validateRecord(where, value), done: entry.index, total: entry.count };
    }
    if (found === 0) throw new BackendError('unsupported-format', `${fileName} is a zip archive without OSV records: ${EXPECTED}.`);
    return;
  }

  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  if (!/^\s*[[{]/.test(text)) throw new BackendError('unsupported-format', `${fileName} is neither JSON nor a zip archive: ${EXPECTED}.`);
  const value = parseJson(fileName, text);
  // One record that looks like OSV makes the array an advisory list: the others must then be valid.
  if (Array.isArray(value) && value.some(looksLikeOsv)) {
    for (const [index, item] of value.entries()) yield { record: validateRecord(`${fileName}[${index}]`, item), done: index + 1, total: value.length };
    return;
  }
  if (looksLikeOsv(value)) {
    yield { record: validateRecord(fileName, value), done: 1, total: 1 };
    return;
  }
  throw new BackendError('unsupported-format', `${fileName} is JSON but not an OSV advisory: ${EXPECTED}.`);
}

/** Every record of a small advisory file at once (the curated set); imports stream through readOsvRecords. */
export function parseOsvFile(fileName: string, bytes: Uint8Array): OsvRecord[] {
  return Array.from(readOsvRecords(fileName, bytes), (read) => read.record);
}

export function looksLikeOsv(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && Array.isArray((value as { affected?: unknown }).affected);
}

function parseJson(where: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BackendError('import-invalid', `${where} is not valid JSON (${(error as Error).message}); nothing was imported.`);
  }
}

function validateRecord(where: string, value: unknown): OsvRecord {
  const parsed = OsvRecordSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  const named = typeof id === 'string' ? ` (record ${printable(id)})` : '';
  throw new BackendError('import-invalid', `${where} is not a valid OSV record${named}: ${issue.path.join('.') || '(root)'}: ${issue.message}; nothing was imported.`, {
    issues: parsed.error.issues,
  });
}

/** Text from a file, quoted and made safe to show: control and direction-changing characters escaped, length capped. */
function printable(text: string): string {
  const capped = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  // eslint-disable-next-line no-control-regex
  return `"${capped.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"\\]/g, (ch) => (ch === '"' || ch === '\\' ? `\\${ch}` : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`))}"`;
}
