import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { BackendError } from '../../shared/errors';

/** How much of a file detection sees: enough for any format's first record or header. */
export const HEAD_BYTES = 64 * 1024;
const CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * One file handed to the import pipeline. Most formats are read whole, once: bytes, hash, decoded
 * text and parsed JSON are each computed the first time a reader asks and shared by detection,
 * parsing and provenance. A streamed file (usage logs of millions of rows) stays on disk: readers
 * see its first 64 KB (`head`) and then its chunks (`chunks()`), so it never sits in memory whole.
 */
export class ImportSource {
  private decoded: string | null = null;
  private parsed: { value: unknown } | { error: string } | null = null;

  private constructor(
    readonly fileName: string,
    readonly sha256: string,
    readonly size: number,
    private readonly whole: Buffer | null,
    private readonly path: string | null,
    readonly head: Buffer,
  ) {}

  static fromBytes(fileName: string, bytes: Buffer): ImportSource {
    return new ImportSource(fileName, createHash('sha256').update(bytes).digest('hex'), bytes.length, bytes, null, bytes.subarray(0, HEAD_BYTES));
  }

  /** A file read as a stream from `path`; its hash was taken while checking it. */
  static onDisk(fileName: string, path: string, size: number, sha256: string, head: Buffer): ImportSource {
    return new ImportSource(fileName, sha256, size, null, path, head);
  }

  get streamed(): boolean {
    return this.whole === null;
  }

  get bytes(): Buffer {
    if (this.whole === null) throw new Error(`${this.fileName} is read as a stream; its reader must use chunks().`);
    return this.whole;
  }

  /** The file in order, 8 MB at a time, read synchronously so it can run inside the import's write transaction. */
  *chunks(): Generator<Buffer> {
    if (this.whole) {
      for (let at = 0; at < this.whole.length; at += CHUNK_BYTES) yield this.whole.subarray(at, at + CHUNK_BYTES);
      return;
    }
    let fd: number;
    try {
      fd = openSync(this.path!, 'r');
    } catch {
      throw new BackendError('not-found', `${this.fileName} cannot be read any more (moved or deleted while importing). Import it again.`);
    }
    try {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      for (;;) {
        const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
        if (read === 0) return;
        // A copy: the consumer may keep a slice of the chunk (a partial line) past the next read.
        yield Buffer.from(buffer.subarray(0, read));
      }
    } finally {
      closeSync(fd);
    }
  }

  /** The first 64 KB as text, without a byte-order mark (it may end mid-character or mid-value). */
  get headText(): string {
    return this.head.toString('utf8').replace(/^\uFEFF/, '');
  }

  startsWith(signature: number[]): boolean {
    return signature.every((byte, i) => this.head[i] === byte);
  }

  /** UTF-8 text without a byte-order mark. */
  get text(): string {
    if (this.decoded === null) this.decoded = this.bytes.toString('utf8').replace(/^\uFEFF/, '');
    return this.decoded;
  }

  /** Whether the file is JSON text at first sight (an object or array), before anything parses it. */
  get looksLikeJson(): boolean {
    const head = this.head.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return head.startsWith('{') || head.startsWith('[');
  }

  /** The parsed JSON, or undefined when the file is not JSON (or is streamed: never parsed whole). */
  jsonOrUndefined(): unknown {
    if (this.streamed) return undefined;
    this.parse();
    return this.parsed && 'value' in this.parsed ? this.parsed.value : undefined;
  }

  /** The parsed JSON; a file that is not valid JSON is refused with the position the parser gives. */
  json(): unknown {
    this.parse();
    if (this.parsed && 'error' in this.parsed) {
      throw new BackendError('import-invalid', `${this.fileName} is not valid JSON (${this.parsed.error}); it may be truncated. Export it again and import the new file.`);
    }
    return (this.parsed as { value: unknown }).value;
  }

  private parse(): void {
    if (this.parsed || !this.looksLikeJson) return;
    try {
      this.parsed = { value: JSON.parse(this.text) };
    } catch (err) {
      this.parsed = { error: err instanceof Error ? err.message : String(err) };
    }
  }
}
