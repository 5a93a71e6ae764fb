import { BackendError } from '../../shared/errors';
import type { RegistryFormat } from '../../shared/contract';
import { listZipEntryNames } from '../archives/bounded-zip';
import { WORKBOOK_ARCHIVE } from './workbook-archive';

export type CsvDelimiter = ',' | ';' | '\t';

export type DetectedRegistryFile =
  | { format: Extract<RegistryFormat, 'xlsx'> }
  | { format: Extract<RegistryFormat, 'csv'>; text: string; delimiter: CsvDelimiter };

const ACCEPTED =
  'expected CSV (comma, semicolon or tab separated, UTF-8) or XLSX (Excel 2007+). Legacy .xls: save it as .xlsx first.';

function unsupportedFormat(fileName: string, what = ''): BackendError {
  return new BackendError('unsupported-format', `${fileName} is not a registry spreadsheet${what}: ${ACCEPTED}`);
}

/** Magic numbers of files people pick by mistake; text never starts with these bytes. */
const BINARY_SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  // Also how Office stores a password-protected .xlsx: the password must come off first.
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: ' (it is a legacy Office file such as .xls, or a password-protected workbook)' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: ' (it is a PDF)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: ' (it is a PNG image)' },
  { bytes: [0xff, 0xd8, 0xff], what: ' (it is a JPEG image)' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: ' (it is a GIF image)' },
  { bytes: [0x1f, 0x8b], what: ' (it is a gzip archive)' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: ' (it is a 7-Zip archive)' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: ' (it is a RAR archive)' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: ' (it is a SQLite database)' },
];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/**
 * Decides from the bytes, never the file name, whether a file is an XLSX workbook or CSV text,
 * because registry files arrive renamed, mailed and re-saved. CSV comes back decoded.
 */
export function detectRegistryFormat(fileName: string, bytes: Uint8Array): DetectedRegistryFile {
  if (bytes.length === 0) {
    throw new BackendError('import-invalid', `${fileName} is empty (0 bytes): expected a header row (e.g. Name, Owner, Trigger) and one row per agent.`);
  }
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) {
    // The directory (at the end of the file) also tells a truncated download from a workbook before a parser runs.
    if (!listZipEntryNames(fileName, bytes, WORKBOOK_ARCHIVE).includes('xl/workbook.xml')) {
      throw unsupportedFormat(fileName, ' (it is a zip archive but not an Excel workbook: it has no xl/workbook.xml)');
    }
    return { format: 'xlsx' };
  }
  const signature = BINARY_SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) throw unsupportedFormat(fileName, signature.what);

  const text = decodeText(fileName, bytes);
  if (text.trim() === '') {
    throw new BackendError('import-invalid', `${fileName} has no content (only blank lines): expected a header row (e.g. Name, Owner, Trigger) and one row per agent.`);
  }
  return { format: 'csv', text, delimiter: sniffDelimiter(text) };
}

function decodeText(fileName: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  // A NUL never appears in a text spreadsheet: this is some other binary file.
  if (body.subarray(0, 8192).includes(0)) throw unsupportedFormat(fileName, ' (it is a binary file)');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const offset = firstInvalidUtf8Offset(body) + (body === bytes ? 0 : 3);
    const line = countLines(bytes, offset);
    throw new BackendError(
      'import-invalid',
      `${fileName} is not valid UTF-8 text: byte 0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${offset} (line ${line}) is not UTF-8. ` +
        'In Excel use "Save As > CSV UTF-8 (Comma delimited)", or save it as .xlsx, and import again.',
      { offset, line },
    );
  }
}

/** Only runs once the fast decoder has said the bytes are invalid, to name where. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1] ?? 0;
    // Overlong encodings, UTF-16 surrogates and code points above U+10FFFF.
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Excel's "sep=;" first line, which names the delimiter of the file. */
export const EXCEL_SEPARATOR_HINT = /^\ufeff?sep=([,;\t])\r?(?:\n|$)/i;

/**
 * The delimiter named by an Excel "sep=" line, else the one that occurs most often outside quotes
 * on the header line; comma on a tie or when the header is a single column. Headers are short
 * words, so the count is reliable there.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const hint = EXCEL_SEPARATOR_HINT.exec(text);
  if (hint) return hint[1] as CsvDelimiter;
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let started = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (started) break;
    } else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
    if (ch.trim() !== '') started = true;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}
