import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { LocalFile, UploadedFile } from '../../shared/contract';

/**
 * Where an import runs. The host's thread is busy for the whole of an import it runs itself
 * (reading, checking and writing are synchronous), so an import runs there only while its
 * predicted work is shorter than the stall the host can take (api/host-stall-budget.ts); else in
 * a job worker, which for a workbook also pays 350-800 ms for its reader loading again there.
 */

/**
 * Measured on the built engine, a fresh process per file (first import, cold JIT), CPU of the
 * host thread: registry CSV 13,000 rows (2.8 MB) 650 ms, 26,000 rows (5.6 MB) 1,050 ms, so about
 * 0.25 ms per KB of text. Workbooks are compressed about fivefold and their cells pass through
 * exceljs: 3,000 rows (252 KB) 620 ms, 6,500 rows (533 KB) 830 ms, so about 1.2 ms per KB of zip.
 */
const TEXT_MS_PER_KB = 0.25;
const ZIPPED_MS_PER_KB = 1.2;

/** What the placement needs to know of a file: its size and whether it is a zip (a workbook, an OSV archive). */
export interface ImportWeight {
  bytes: number;
  zipped: boolean;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const isZip = (head: Uint8Array) => ZIP_SIGNATURE.every((byte, i) => head[i] === byte);

/** An upload is weighed from its base64 text (3 bytes in 4 characters); a path by its size and first four bytes. */
export function importWeightOf(file: UploadedFile | LocalFile): ImportWeight {
  if ('contentBase64' in file) {
    const padding = file.contentBase64.endsWith('==') ? 2 : file.contentBase64.endsWith('=') ? 1 : 0;
    return { bytes: Math.floor((file.contentBase64.length * 3) / 4) - padding, zipped: isZip(Buffer.from(file.contentBase64.slice(0, 8), 'base64')) };
  }
  const size = statSync(file.path, { throwIfNoEntry: false })?.size ?? 0;
  if (size === 0) return { bytes: 0, zipped: false };
  const head = Buffer.alloc(ZIP_SIGNATURE.length);
  let fd: number | null = null;
  try {
    fd = openSync(file.path, 'r');
    readSync(fd, head, 0, head.length, 0);
  } catch {
    // Unreadable: the import says so itself; weighed by its size only.
  } finally {
    if (fd !== null) closeSync(fd);
  }
  return { bytes: size, zipped: isZip(head) };
}

/** The host thread's predicted work for these files, in ms. */
export function predictedImportMs(files: readonly ImportWeight[]): number {
  return files.reduce((ms, file) => ms + (file.bytes / 1024) * (file.zipped ? ZIPPED_MS_PER_KB : TEXT_MS_PER_KB), 0);
}

/** True when the import should run on the host's thread: its predicted work is shorter than the stall the host can take. */
export function importRunsOnHostThread(files: readonly ImportWeight[], stallBudgetMs: number): boolean {
  return predictedImportMs(files) < stallBudgetMs;
}
