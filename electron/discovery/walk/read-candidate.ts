import type { WalkCounters, WalkedFile } from './walk-tree';
import { errorCode, nodeFileSystem, readFully } from './file-system';
import type { WalkFileSystem } from './file-system';

export const READ_LIMITS = {
  /** Larger files are generated data or bundles, not the code or config of an agent. */
  maxBytes: 2 * 1024 * 1024,
  /** git's own binary test: a NUL byte near the start. */
  binarySniffBytes: 8 * 1024,
  minifiedSniffBytes: 64 * 1024,
  minifiedLineBytes: 5_000,
};

export type ReadSkipReason = 'binary' | 'oversized' | 'minified' | 'unreadable';

export type ReadOutcome = { ok: true; bytes: Buffer } | { ok: false; reason: ReadSkipReason; detail: string };

/**
 * Minified output is a JavaScript thing; Python or TypeScript with one long line (a base64
 * constant, a long comment) is still source someone runs, so it is read. Limiting the check
 * also keeps a long line from hiding an agent written in any other language.
 */
const BUNDLE_EXTENSION = /\.(js|mjs|cjs)$/i;

/**
 * Reads one file the walker delivered, or says why not. Oversized files are refused from the
 * walker's size without opening them; a minified bundle after its first 64 KB. Synchronous,
 * like the walker, for the same reason (see WalkFileSystem).
 */
export function readCandidate(file: Pick<WalkedFile, 'absPath' | 'relPath' | 'size'>, options: { maxBytes?: number; fs?: WalkFileSystem } = {}): ReadOutcome {
  const fs = options.fs ?? nodeFileSystem;
  const maxBytes = options.maxBytes ?? READ_LIMITS.maxBytes;
  if (file.size !== undefined && file.size > maxBytes) return oversized(file.size, maxBytes);
  let fd: number;
  try {
    fd = fs.openForRead(file.absPath);
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: `cannot open (${errorCode(error)})` };
  }
  try {
    const stat = fs.fstat(fd);
    // Swapped for a FIFO or device since the walk saw it: opened non-blocking, never read.
    if (!stat.isFile()) return { ok: false, reason: 'unreadable', detail: 'not a regular file' };
    if (stat.size > maxBytes) return oversized(stat.size, maxBytes);
    const bytes = Buffer.alloc(stat.size);
    const headLength = readFully(fs, fd, bytes, 0, Math.min(stat.size, READ_LIMITS.minifiedSniffBytes));
    const head = bytes.subarray(0, headLength);
    if (head.subarray(0, READ_LIMITS.binarySniffBytes).includes(0)) return { ok: false, reason: 'binary', detail: 'NUL byte in the first 8 KB' };
    if (BUNDLE_EXTENSION.test(file.relPath)) {
      const longest = longestLineBytes(head);
      if (longest > READ_LIMITS.minifiedLineBytes) return { ok: false, reason: 'minified', detail: `minified: a ${longest.toLocaleString('en')}-byte line in the first 64 KB` };
    }
    const restLength = headLength < stat.size ? readFully(fs, fd, bytes, headLength, stat.size - headLength) : 0;
    return { ok: true, bytes: bytes.subarray(0, headLength + restLength) };
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: `cannot read (${errorCode(error)})` };
  } finally {
    fs.close(fd);
  }
}

function oversized(size: number, maxBytes: number): ReadOutcome {
  return { ok: false, reason: 'oversized', detail: `${(size / 1024 / 1024).toFixed(1)} MB, over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB limit` };
}

function longestLineBytes(bytes: Buffer): number {
  let longest = 0;
  let start = 0;
  for (let newline = bytes.indexOf(10); newline !== -1; newline = bytes.indexOf(10, start)) {
    longest = Math.max(longest, newline - start);
    start = newline + 1;
  }
  return Math.max(longest, bytes.length - start);
}

/** Adds one read's outcome to the scan counters: minified bundles count as oversized. */
export function tallyRead(counters: WalkCounters, outcome: { ok: true; bytes: { length: number } } | { ok: false; reason: ReadSkipReason; detail: string }): void {
  if (outcome.ok) {
    counters.filesRead += 1;
    counters.bytesRead += outcome.bytes.length;
  } else if (outcome.reason === 'binary') counters.skippedBinary += 1;
  else if (outcome.reason === 'unreadable') counters.skippedUnreadable += 1;
  else counters.skippedOversized += 1;
}
