import { inflateRawSync } from 'node:zlib';
import { BackendError } from '../../shared/errors';
import { DamagedZipError, readZipDirectory, TooManyZipEntriesError, type ZipDirectoryEntry } from './zip-directory';

/**
 * What one kind of archive may unpack to. Every limit is checked against the bytes actually
 * inflated, as they come out, and the read stops the moment one is crossed: sizes in the zip's
 * directory are claims a forged file makes up.
 */
export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Inflated bytes per compressed byte of one entry, once it has inflated RATIO_CHECKED_FROM bytes. */
  maxRatio: number;
}

/** How a reader of one kind of archive uses it, and how its refusals are worded. */
export interface ZipProfile {
  /** The archive as a message names it: "a registry workbook". */
  kind: string;
  limits: ZipLimits;
  /** Entries to inflate and hand on; the others are counted against maxEntries but never inflated. */
  wants(name: string): boolean;
  /** Where an archive inside this one is normal (and skipped unread); anywhere else it is refused. */
  holdsArchivesAt?(name: string): boolean;
  /** What a person can do about a file over a limit, or holding an archive. */
  advice: string;
  /** The whole message for a file that is not a readable zip at all. */
  damagedMessage(fileName: string, detail: string): string;
}

/** Small entries may compress extremely well (a run of spaces); only a big one at a high ratio is a bomb. */
export const RATIO_CHECKED_FROM = 1024 * 1024;

/** One wanted entry, inflated. */
export interface InflatedZipEntry {
  name: string;
  data: Uint8Array;
  /** 1-based position among the wanted entries, and how many there are. */
  index: number;
  count: number;
}

/**
 * Inflates the wanted entries of a zip lazily, one per step, in directory order: only the entry
 * being handed on is held in memory. Throws BackendError 'import-invalid', naming the file, the
 * entry and the limit, for a file that crosses a limit, holds an archive where none belongs, or
 * is not a readable zip; every check that needs no inflating is done before the first entry.
 */
export function* inflatedZipEntries(fileName: string, bytes: Uint8Array, profile: ZipProfile): Generator<InflatedZipEntry, void, undefined> {
  const refuse = refusals(fileName, profile);
  const files = filesOf(bytes, profile, refuse);
  for (const entry of files) {
    if (hasArchiveName(entry.name) && !profile.holdsArchivesAt?.(entry.name)) throw refuse.nestedArchive(entry.name);
    if (!profile.wants(entry.name)) continue;
    if (entry.encrypted) throw refuse.encrypted(entry.name);
    if (entry.method !== 0 && entry.method !== 8) throw refuse.unknownMethod(entry.name, entry.method);
  }
  const wanted = files.filter((entry) => profile.wants(entry.name));
  let totalBytes = 0;
  for (const [i, entry] of wanted.entries()) {
    const data = inflateEntry(bytes, entry, totalBytes, profile.limits, refuse);
    totalBytes += data.length;
    yield { name: entry.name, data, index: i + 1, count: wanted.length };
  }
}

/** Every wanted entry, inflated within the limits: for archives small enough to hold whole (a workbook). */
export function readZipEntries(fileName: string, bytes: Uint8Array, profile: ZipProfile): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  for (const { name, data } of inflatedZipEntries(fileName, bytes, profile)) entries.set(name, data);
  return entries;
}

/** The names in a zip's directory, read within the entry limit, nothing inflated: enough to tell what a zip is. */
export function listZipEntryNames(fileName: string, bytes: Uint8Array, profile: ZipProfile): string[] {
  return filesOf(bytes, profile, refusals(fileName, profile)).map((entry) => entry.name);
}

/** The files of the directory, folders dropped. */
function filesOf(bytes: Uint8Array, profile: ZipProfile, refuse: Refusals): ZipDirectoryEntry[] {
  try {
    return readZipDirectory(bytes, profile.limits.maxEntries).filter((entry) => !entry.name.endsWith('/'));
  } catch (error) {
    if (error instanceof TooManyZipEntriesError) throw refuse.tooManyEntries();
    if (error instanceof DamagedZipError) throw refuse.damaged(error.message);
    throw error;
  }
}

/**
 * zlib counts the bytes it actually inflates and throws the moment they pass maxOutputLength
 * (checked every 16 KB of output), so the smallest allowance left is the ceiling: nothing past
 * it is ever produced, whatever the directory declares. (fflate's streaming Inflate does the
 * same but allocates a fresh ~160 KB buffer per call: 8 s instead of 0.4 s for a 30,000-record
 * OSV zip.)
 */
function inflateEntry(bytes: Uint8Array, entry: ZipDirectoryEntry, totalBefore: number, limits: ZipLimits, refuse: Refusals): Uint8Array {
  const compressed = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  // In the order a refusal names them: the first that is the ceiling is the limit crossed.
  const allowances: Array<{ bytes: number; refusal: () => BackendError }> = [
    { bytes: limits.maxEntryBytes, refusal: () => refuse.entryTooLarge(entry.name) },
    { bytes: limits.maxTotalBytes - totalBefore, refusal: () => refuse.totalTooLarge() },
    { bytes: Math.max(RATIO_CHECKED_FROM, limits.maxRatio * entry.compressedSize), refusal: () => refuse.ratio(entry.name) },
    { bytes: entry.declaredSize, refusal: () => refuse.damaged(`${printableEntryName(entry.name)} inflates past the ${entry.declaredSize} bytes its directory record declares`) },
  ];
  const ceiling = Math.min(...allowances.map((a) => a.bytes));
  const crossed = () => allowances.find((a) => a.bytes === ceiling)!.refusal();

  let data: Uint8Array;
  if (entry.method === 0) {
    if (compressed.length > ceiling) throw crossed();
    data = compressed;
  } else {
    try {
      data = inflateRawSync(compressed, { maxOutputLength: Math.max(1, ceiling) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw crossed();
      throw refuse.damaged(`${printableEntryName(entry.name)} cannot be inflated: ${(error as Error).message}`);
    }
    if (data.length > ceiling) throw crossed();
  }
  if (data.length !== entry.declaredSize) throw refuse.damaged(`${printableEntryName(entry.name)} inflates to ${data.length} bytes, not the ${entry.declaredSize} its directory record declares`);
  if (startsLikeArchive(data)) throw refuse.nestedArchive(entry.name);
  return data;
}

const ARCHIVE_EXTENSIONS = /\.(zip|jar|war|apk|xlsx|xlsm|docx|pptx|odt|ods|gz|tgz|bz2|xz|zst|7z|rar|tar|cab)$/i;

function hasArchiveName(name: string): boolean {
  return ARCHIVE_EXTENSIONS.test(name);
}

const ARCHIVE_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // zip (and every Office Open XML file)
  [0x50, 0x4b, 0x05, 0x06], // empty zip
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7-Zip
  [0x52, 0x61, 0x72, 0x21], // RAR
];
function startsLikeArchive(head: Uint8Array): boolean {
  return ARCHIVE_SIGNATURES.some((signature) => signature.length <= head.length && signature.every((byte, i) => head[i] === byte));
}

/** An entry name as a message can show it: no control characters, no endless length. */
export function printableEntryName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}

type Refusals = ReturnType<typeof refusals>;

function refusals(fileName: string, profile: ZipProfile) {
  const { kind, limits, advice } = profile;
  const refused = (what: string, limit: string, extra: Record<string, unknown> = {}) =>
    new BackendError('import-invalid', `${fileName} was not unpacked: ${what}. ${advice}`, { limit, ...extra });
  return {
    tooManyEntries: () => refused(`it has more than ${count(limits.maxEntries)} entries, more than ${kind} holds`, 'entries', { maxEntries: limits.maxEntries }),
    entryTooLarge: (entry: string) =>
      refused(`its entry ${printableEntryName(entry)} inflates to more than ${megabytes(limits.maxEntryBytes)}, the most one entry of ${kind} may hold`, 'entry-size', {
        entry,
        maxEntryBytes: limits.maxEntryBytes,
      }),
    totalTooLarge: () =>
      refused(`its entries inflate to more than ${megabytes(limits.maxTotalBytes)} in all, the most ${kind} may hold`, 'total-size', { maxTotalBytes: limits.maxTotalBytes }),
    ratio: (entry: string) =>
      refused(`its entry ${printableEntryName(entry)} inflates to more than ${count(limits.maxRatio)} times its compressed size, as zip bombs do`, 'ratio', { entry, maxRatio: limits.maxRatio }),
    nestedArchive: (entry: string) => refused(`its entry ${printableEntryName(entry)} is itself an archive, which ${kind} does not hold`, 'nested-archive', { entry }),
    encrypted: (entry: string) =>
      new BackendError('import-invalid', `${fileName} was not unpacked: its entry ${printableEntryName(entry)} is encrypted. Remove the password and import it again.`, { entry }),
    unknownMethod: (entry: string, method: number) =>
      new BackendError(
        'import-invalid',
        `${fileName} was not unpacked: its entry ${printableEntryName(entry)} uses compression method ${method}, and only stored and deflated entries are read. Save or zip it again with standard compression.`,
        { entry, method },
      ),
    damaged: (detail: string) => new BackendError('import-invalid', profile.damagedMessage(fileName, detail)),
  };
}

const count = (n: number) => n.toLocaleString('en-US');
const megabytes = (bytes: number) => `${count(Math.round(bytes / 1024 / 1024))} MB`;
