import { StringDecoder } from 'node:string_decoder';
import { UsageInputError } from './usage-format';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const BOM = 0xfeff;

/** Called with each record's cells and the 1-based line the record starts on. */
export type CsvRecordHandler = (cells: string[], line: number) => void;

export interface CsvRecordOptions {
  /** One character; ',' unless told. */
  delimiter?: string;
  /**
   * The most characters one record may hold while it spans chunks. A quote that never closes turns
   * the rest of the file into one cell; the limit refuses it instead of holding the file in memory.
   */
  maxRecordChars?: number;
}

/** 16 Mi characters: far above any real spend-log row (LiteLLM truncates the prompts it stores). */
export const DEFAULT_MAX_RECORD_CHARS = 16 * 1024 * 1024;

// Where the previous chunk left the reader.
const START = 0; // at the start of a cell
const UNQUOTED = 1; // inside an unquoted cell
const QUOTED = 2; // inside a quoted cell
const QUOTE_SEEN = 3; // a quote inside a quoted cell was the chunk's last character: "" or the close
const CLOSED = 4; // after a closing quote: spaces, then a delimiter or a line break

/**
 * A streaming RFC 4180 CSV tokenizer. Feed it text or Buffer chunks in order (a chunk may end
 * anywhere: mid-cell, mid-quoted-cell, between CR and LF, inside a UTF-8 sequence), then `end()`.
 *
 * - Quoted cells may hold the delimiter, doubled quotes ("" is one ") and line breaks.
 * - Line breaks are CR, LF or CRLF; a record's line is the line it starts on, counting the line
 *   breaks inside quoted cells, so it is the line an editor shows.
 * - A leading byte-order mark is dropped; empty lines are skipped (they are no record).
 * - Looseness of hand-edited files, as the registry reader: a quote inside an unquoted cell is text,
 *   spaces after a closing quote are ignored.
 *
 * Scanning is charCodeAt over each chunk with one slice per cell: no regular expression and no
 * per-character string building, so a million-row export reads at the speed of the disk.
 */
export class CsvRecordReader {
  private readonly decoder = new StringDecoder('utf8');
  private readonly sep: number;
  private readonly maxRecordChars: number;
  private state = START;
  private cells: string[] = [];
  /** The current cell's text read in earlier chunks (or before a doubled quote). */
  private partial = '';
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private atFileStart = true;
  /** The last chunk ended with a CR that ended a record: an LF starting the next chunk belongs to it. */
  private skipLf = false;
  /** The last chunk's last character was a CR (for counting a CRLF split inside a quoted cell once). */
  private lastWasCr = false;
  private ended = false;

  constructor(
    private readonly onRecord: CsvRecordHandler,
    options: CsvRecordOptions = {},
  ) {
    const delimiter = options.delimiter ?? ',';
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new Error(`CSV delimiter must be one character other than a quote or a line break, got ${JSON.stringify(delimiter)}`);
    }
    this.sep = delimiter.charCodeAt(0);
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  }

  /** The line the reader has reached (1-based). */
  get currentLine(): number {
    return this.line;
  }

  write(chunk: string | Buffer): void {
    if (this.ended) throw new Error('CsvRecordReader: write after end');
    const text = typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    if (text.length > 0) this.scan(text);
  }

  /** Emits the last record; throws UsageInputError when the file ends inside a quoted cell. */
  end(): void {
    if (this.ended) return;
    const rest = this.decoder.end();
    if (rest.length > 0) this.scan(rest);
    this.ended = true;
    switch (this.state) {
      case START:
        // "a,b," ends with an empty cell; nothing at all after the last line break is no record.
        if (this.cells.length > 0) this.finishRecord('');
        break;
      case UNQUOTED:
      case QUOTE_SEEN:
      case CLOSED:
        this.finishRecord(this.partial);
        break;
      case QUOTED:
        throw new UsageInputError(
          `line ${this.quoteLine}`,
          `a quoted cell opens on this line but the file ends before its closing quote ("); expected a closing " (the file may be truncated: export it again; to put a quote inside a cell, double it: "").`,
        );
    }
  }

  private finishRecord(lastCell: string): void {
    const cells = this.cells;
    cells.push(lastCell);
    this.cells = [];
    this.partial = '';
    this.state = START;
    this.onRecord(cells, this.recordLine);
  }

  private scan(text: string): void {
    const n = text.length;
    const sep = this.sep;
    const top = sep > CR ? sep : CR; // no character above this ends an unquoted cell
    let i = 0;
    if (this.atFileStart) {
      this.atFileStart = false;
      if (text.charCodeAt(0) === BOM) i = 1;
    }
    if (this.skipLf) {
      this.skipLf = false;
      if (text.charCodeAt(i) === LF) i++;
    }
    let state = this.state;
    let line = this.line;
    while (i < n) {
      if (state === START) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
          state = QUOTED;
          this.quoteLine = line;
          this.partial = '';
          i++;
          continue;
        }
        if (c === sep) {
          this.cells.push('');
          i++;
          continue;
        }
        if (c === LF || c === CR) {
          // An empty line is no record; "a," before the break ends with an empty cell.
          if (this.cells.length > 0) {
            this.line = line;
            this.finishRecord('');
          }
          i = this.lineBreak(text, i, c);
          line++;
          this.recordLine = line;
          continue;
        }
        state = UNQUOTED;
        this.partial = '';
      }

      if (state === UNQUOTED) {
        let j = i;
        let c = 0;
        for (; j < n; j++) {
          c = text.charCodeAt(j);
          if (c > top) continue;
          if (c === sep || c === LF || c === CR) break;
        }
        if (j === n) {
          this.partial += text.slice(i, n);
          i = n;
          break;
        }
        const cell = this.partial.length === 0 ? text.slice(i, j) : this.partial + text.slice(i, j);
        if (c === sep) {
          this.cells.push(cell);
          this.partial = '';
          state = START;
          i = j + 1;
        } else {
          this.line = line;
          this.finishRecord(cell);
          state = START;
          i = this.lineBreak(text, j, c);
          line++;
          this.recordLine = line;
        }
        continue;
      }

      if (state === QUOTED) {
        // One pass finds the closing quote and counts the line breaks the cell holds.
        let j = i;
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c > QUOTE) continue;
          if (c === QUOTE) break;
          if (c === CR) line++;
          else if (c === LF && !(j > 0 ? text.charCodeAt(j - 1) === CR : this.lastWasCr)) line++;
        }
        if (j === n) {
          this.partial += text.slice(i, n);
          i = n;
          break;
        }
        if (j + 1 < n && text.charCodeAt(j + 1) === QUOTE) {
          // A doubled quote: keep one, read on.
          this.partial += text.slice(i, j + 1);
          i = j + 2;
          continue;
        }
        this.partial += text.slice(i, j);
        i = j + 1;
        state = i < n ? CLOSED : QUOTE_SEEN;
        continue;
      }

      if (state === QUOTE_SEEN) {
        // The previous chunk ended on a quote inside a quoted cell.
        if (text.charCodeAt(i) === QUOTE) {
          this.partial += '"';
          i++;
          state = QUOTED;
        } else {
          state = CLOSED;
        }
        continue;
      }

      // CLOSED
      let c = text.charCodeAt(i);
      while (c === SPACE || (c === TAB && sep !== TAB)) {
        if (++i === n) break;
        c = text.charCodeAt(i);
      }
      if (i === n) break;
      if (c === sep) {
        this.cells.push(this.partial);
        this.partial = '';
        state = START;
        i++;
      } else if (c === LF || c === CR) {
        this.line = line;
        this.finishRecord(this.partial);
        state = START;
        i = this.lineBreak(text, i, c);
        line++;
        this.recordLine = line;
      } else {
        const name = sep === TAB ? 'a tab' : JSON.stringify(String.fromCharCode(sep));
        throw new UsageInputError(
          `line ${line}`,
          `found ${JSON.stringify(text.slice(i, i + 20))} right after the closing quote of a cell; expected ${name} or the end of the line (to put a quote inside a cell, double it: "").`,
        );
      }
    }
    this.state = state;
    this.line = line;
    this.lastWasCr = text.charCodeAt(n - 1) === CR;
    this.checkCarried();
  }

  /** Index after the line break at i (CRLF is one); a CR ending the chunk may be followed by its LF. */
  private lineBreak(text: string, i: number, c: number): number {
    if (c === CR) {
      if (i + 1 === text.length) this.skipLf = true;
      else if (text.charCodeAt(i + 1) === LF) return i + 2;
    }
    return i + 1;
  }

  /** A record still open after a chunk is held in memory: bound it. */
  private checkCarried(): void {
    if (this.state === START && this.cells.length === 0) return;
    let chars = this.partial.length;
    for (const cell of this.cells) chars += cell.length;
    if (chars <= this.maxRecordChars) return;
    const limit = `${Math.round(this.maxRecordChars / (1024 * 1024))} Mi`;
    const quoted = this.state === QUOTED || this.state === QUOTE_SEEN;
    throw new UsageInputError(
      `line ${quoted ? this.quoteLine : this.recordLine}`,
      quoted
        ? `a quoted cell opening on this line runs past ${limit} characters without its closing quote ("); expected records under that limit: check for a quote that never closes on this line, or export the log without large text columns.`
        : `the record starting on this line runs past ${limit} characters; expected records under that limit: export the log without large text columns.`,
    );
  }
}
