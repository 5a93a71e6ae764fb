import { createHash } from 'node:crypto';
import { BackendError } from '../../shared/errors';

/**
 * One file handed to the import pipeline, read once: its bytes, hash, decoded text and parsed
 * JSON are each computed the first time a reader asks and shared by detection, parsing and
 * provenance, so a 200 MB export is decoded and parsed a single time.
 */
export class ImportSource {
  readonly sha256: string;
  private decoded: string | null = null;
  private parsed: { value: unknown } | { error: string } | null = null;

  constructor(
    readonly fileName: string,
    readonly bytes: Buffer,
  ) {
    this.sha256 = createHash('sha256').update(bytes).digest('hex');
  }

  startsWith(signature: number[]): boolean {
    return signature.every((byte, i) => this.bytes[i] === byte);
  }

  /** UTF-8 text without a byte-order mark. */
  get text(): string {
    if (this.decoded === null) this.decoded = this.bytes.toString('utf8').replace(/^\uFEFF/, '');
    return this.decoded;
  }

  /** Whether the file is JSON text at first sight (an object or array), before anything parses it. */
  get looksLikeJson(): boolean {
    const head = this.bytes.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return head.startsWith('{') || head.startsWith('[');
  }

  /** The parsed JSON, or undefined when the file is not JSON. */
  jsonOrUndefined(): unknown {
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
