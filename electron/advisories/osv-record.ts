import { z } from 'zod';
import { BackendError } from '../../shared/errors';
import type { Ecosystem } from '../discovery/lockfiles';
import { forEachJsonZipEntry } from './osv-zip';

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

export const OsvRecordSchema = z.object({
  id: z.string().min(1),
  modified: z.string().optional(),
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

const EXPECTED = 'expected OSV JSON (id, affected[]) or an OSV ecosystem zip';
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06], // an empty archive is all end-of-directory record
];

/**
 * Bytes of an advisory file -> OSV records. Accepts one record, an array of records, or an
 * ecosystem zip as osv.dev publishes them (one record per .json entry). Throws BackendError:
 * 'unsupported-format' for anything else, 'import-invalid' for a damaged file of a known kind.
 */
export function parseOsvFile(fileName: string, bytes: Uint8Array): OsvRecord[] {
  if (ZIP_SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte))) {
    const records: OsvRecord[] = [];
    forEachJsonZipEntry(fileName, bytes, (name, text) => {
      const value = parseJson(`${fileName}/${name}`, text);
      // Ecosystem zips hold only records; other JSON in a hand-made zip (a manifest) is skipped.
      if (looksLikeOsv(value)) records.push(validateRecord(`${fileName}/${name}`, value));
    });
    if (records.length === 0) throw new BackendError('unsupported-format', `${fileName} is a zip archive without OSV records: ${EXPECTED}.`);
    return records;
  }

  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  if (!/^\s*[[{]/.test(text)) throw new BackendError('unsupported-format', `${fileName} is neither JSON nor a zip archive: ${EXPECTED}.`);
  const value = parseJson(fileName, text);
  // One record that looks like OSV makes the array an advisory list: the others must then be valid.
  if (Array.isArray(value) && value.some(looksLikeOsv)) return value.map((item, index) => validateRecord(`${fileName}[${index}]`, item));
  if (looksLikeOsv(value)) return [validateRecord(fileName, value)];
  throw new BackendError('unsupported-format', `${fileName} is JSON but not an OSV advisory: ${EXPECTED}.`);
}

function looksLikeOsv(value: unknown): boolean {
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
  throw new BackendError('import-invalid', `${where} is not a valid OSV record: ${issue.path.join('.') || '(root)'}: ${issue.message}; nothing was imported.`, {
    issues: parsed.error.issues,
  });
}
