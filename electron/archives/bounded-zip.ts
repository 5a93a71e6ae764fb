import { Inflate } from 'fflate';
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

/**
 * Compressed input is fed in slices this small so that one push cannot inflate much past a limit:
 * deflate expands at most ~1,032:1, so one slice yields at most ~17 MB before the next check.
 */
const INPUT_SLICE = 16 * 1024;

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

function inflateEntry(bytes: Uint8Array, entry: ZipDirectoryEntry, totalBefore: number, limits: ZipLimits, refuse: Refusals): Uint8Array {
  const compressed = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let headChecked = false;
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    if (produced > limits.maxEntryBytes) throw refuse.entryTooLarge(entry.name);
    if (totalBefore + produced > limits.maxTotalBytes) throw refuse.totalTooLarge();
    if (produced > RATIO_CHECKED_FROM && produced > limits.maxRatio * Math.max(1, entry.compressedSize)) throw refuse.ratio(entry.name);
    if (produced > entry.declaredSize) throw refuse.damaged(`${printableEntryName(entry.name)} inflates past the ${entry.declaredSize} bytes its directory record declares`);
    chunks.push(chunk);
    if (!headChecked && produced >= ARCHIVE_HEAD_BYTES) {
      headChecked = true;
      if (startsLikeArchive(concat(chunks, ARCHIVE_HEAD_BYTES))) throw refuse.nestedArchive(entry.name);
    }
  };

  if (entry.method === 0) {
    take(compressed);
  } else {
    const inflate = new Inflate((chunk) => {
      if (chunk.length > 0) take(chunk);
    });
    try {
      for (let at = 0; at < compressed.length; at += INPUT_SLICE) inflate.push(compressed.subarray(at, at + INPUT_SLICE), false);
      inflate.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof BackendError) throw error;
      throw refuse.damaged(`${printableEntryName(entry.name)} cannot be inflated: ${(error as Error).message}`);
    }
  }
  if (produced !== entry.declaredSize) throw refuse.damaged(`${printableEntryName(entry.name)} inflates to ${produced} bytes, not the ${entry.declaredSize} its directory record declares`);
  const data = concat(chunks, produced);
  if (!headChecked && startsLikeArchive(data)) throw refuse.nestedArchive(entry.name);
  return data;
}

/** The first `length` bytes of the chunks, as one array (the chunks themselves when there is one). */
function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.length === length) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    if (at >= length) break;
    const part = chunk.subarray(0, length - at);
    out.set(part, at);
    at += part.length;
  }
  return out;
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
const ARCHIVE_HEAD_BYTES = 6;

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
