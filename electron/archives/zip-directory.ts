/** One file of a zip as its central directory describes it; sizes are claims, not facts. */
export interface ZipDirectoryEntry {
  name: string;
  /** 0 = stored, 8 = deflate; anything else is refused by the reader. */
  method: number;
  encrypted: boolean;
  /** The entry's compressed bytes, located through its local header and checked to lie inside the file. */
  dataStart: number;
  compressedSize: number;
  declaredSize: number;
}

/** Thrown for a zip whose structure cannot be read; the caller words it for the person. */
export class DamagedZipError extends Error {}

/** Thrown before reading the directory when it claims more entries than the caller accepts. */
export class TooManyZipEntriesError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} entries`);
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

/**
 * Reads a zip's central directory (ZIP64 included) without inflating anything. Refuses a claimed
 * entry count above `maxEntries` before looking at a single entry, an entry whose data lies
 * outside the file, and entries whose data overlap: overlapping entries let a few kilobytes of
 * compressed data be inflated many times over (the "non-recursive" zip bomb).
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  const inside = (at: number, length: number) => at >= 0 && length >= 0 && at + length <= bytes.length;

  const eocd = findEndOfDirectory(view, bytes.length);
  if (eocd < 0) throw new DamagedZipError('its zip directory is missing');
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0) throw new DamagedZipError('it is one part of a multi-part zip');
  let count = u16(eocd + 10);
  let directoryOffset = u32(eocd + 16);
  if (count === U16_MAX || directoryOffset === U32_MAX) {
    const locator = eocd - 20;
    if (!inside(locator, 20) || u32(locator) !== ZIP64_LOCATOR) throw new DamagedZipError('its ZIP64 directory locator is missing');
    const record = u64(locator + 8);
    if (!inside(record, 56) || u32(record) !== ZIP64_EOCD) throw new DamagedZipError('its ZIP64 directory record is missing');
    count = u64(record + 32);
    directoryOffset = u64(record + 48);
  }
  if (count > maxEntries) throw new TooManyZipEntriesError(maxEntries);

  const entries: ZipDirectoryEntry[] = [];
  const spans: Array<{ start: number; end: number; name: string }> = [];
  let p = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (!inside(p, 46) || u32(p) !== CENTRAL_HEADER) throw new DamagedZipError(`directory record ${n + 1} of ${count} is missing`);
    const flags = u16(p + 8);
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const commentLength = u16(p + 32);
    if (!inside(p + 46, nameLength + extraLength + commentLength)) throw new DamagedZipError(`directory record ${n + 1} runs past the end of the file`);
    const name = decodeName(bytes.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0);
    let compressedSize = u32(p + 20);
    let declaredSize = u32(p + 24);
    let localOffset = u32(p + 42);
    // ZIP64 sizes live in extra field 0x0001, holding only the fields that are 0xFFFFFFFF above, in this order.
    if (declaredSize === U32_MAX || compressedSize === U32_MAX || localOffset === U32_MAX) {
      const zip64 = findExtraField(view, p + 46 + nameLength, extraLength, 0x0001);
      if (!zip64) throw new DamagedZipError(`${name} needs ZIP64 sizes its record does not hold`);
      let at = zip64.start;
      const next = () => {
        if (at + 8 > zip64.end) throw new DamagedZipError(`${name} has a short ZIP64 field`);
        const value = u64(at);
        at += 8;
        return value;
      };
      if (declaredSize === U32_MAX) declaredSize = next();
      if (compressedSize === U32_MAX) compressedSize = next();
      if (localOffset === U32_MAX) localOffset = next();
    }
    if (!inside(localOffset, 30) || u32(localOffset) !== LOCAL_HEADER) throw new DamagedZipError(`${name} has no local header where the directory says`);
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (!inside(dataStart, compressedSize)) throw new DamagedZipError(`${name} runs past the end of the file`);
    entries.push({ name, method: u16(p + 10), encrypted: (flags & 1) !== 0, dataStart, compressedSize, declaredSize });
    spans.push({ start: localOffset, end: dataStart + compressedSize, name });
    p += 46 + nameLength + extraLength + commentLength;
  }

  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) throw new DamagedZipError(`entries ${spans[i - 1]!.name} and ${spans[i]!.name} share compressed data`);
  }
  return entries;
}

/** The end-of-central-directory record: 22 bytes plus a comment of at most 65,535 bytes, at the very end. */
function findEndOfDirectory(view: DataView, length: number): number {
  for (let i = length - 22; i >= Math.max(0, length - 22 - U16_MAX); i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

function findExtraField(view: DataView, start: number, length: number, id: number): { start: number; end: number } | null {
  const end = start + length;
  for (let p = start; p + 4 <= end; ) {
    const size = view.getUint16(p + 2, true);
    if (view.getUint16(p, true) === id) return { start: p + 4, end: Math.min(end, p + 4 + size) };
    p += 4 + size;
  }
  return null;
}

const utf8 = new TextDecoder('utf-8');
// Names without the UTF-8 flag are CP437 by the spec; every name an export tool writes is ASCII, where both agree.
const legacy = new TextDecoder('latin1');

function decodeName(raw: Uint8Array, isUtf8: boolean): string {
  return (isUtf8 ? utf8 : legacy).decode(raw);
}
