import { StringDecoder } from 'node:string_decoder';
import { JSONParser } from '@streamparser/json';
import type { ParsedElementInfo } from '@streamparser/json';
import { UsageInputError } from './usage-format';
import { cutForMessage } from './usage-values';

/**
 * Streaming JSON input shared by the per-call formats: a file is either one JSON document (read
 * with @streamparser/json, element by element, never whole) or JSON lines (one document per line,
 * each JSON.parse'd: several times faster, and a line is a natural unit for error positions).
 */

/** The longest JSON line held: an OTel collector batch is a few MB; anything this long is not a line file. */
export const MAX_JSON_LINE_CHARS = 64 * 1024 * 1024;

/** How much of the start is read to tell a JSON-lines file from one document. */
const SNIFF_CHARS = 1024 * 1024;

export type JsonShape = 'lines' | 'document';

/**
 * Tells one JSON document from JSON lines by the first line: JSON lines start with a complete JSON
 * object on line 1; a document pretty-printed starts with "{" or "[" alone. `isLine` refines the
 * guess for a first line that parses (LiteLLM: a {"data": [...]} wrapper on one line is a document).
 */
export class JsonShapeSniffer {
  private head = '';
  private started = false;

  constructor(private readonly isLine: (firstLine: Record<string, unknown>) => boolean) {}

  /** Feeds text; returns the shape and all text fed so far once it is known, else null. */
  push(text: string): { shape: JsonShape; text: string } | null {
    if (!this.started) {
      this.head += text;
      const body = this.head.replace(/^\uFEFF?\s*/, '');
      if (body.length === 0) return null;
      this.started = true;
      this.head = body;
    } else {
      this.head += text;
    }
    return this.decide(false);
  }

  /** At the end of the file: the shape of what was fed (null when nothing but whitespace was). */
  finish(): { shape: JsonShape; text: string } | null {
    if (!this.started) return null;
    return this.decide(true);
  }

  private decide(atEnd: boolean): { shape: JsonShape; text: string } | null {
    const head = this.head;
    const first = head.charCodeAt(0);
    if (first === 0x5b /* [ */) return { shape: 'document', text: head };
    if (first !== 0x7b /* { */) {
      throw new UsageInputError(
        'line 1',
        `the file starts with ${JSON.stringify(cutForMessage(head.slice(0, 20)))}; expected JSON (a list, an object, or one JSON object per line): check that this is the right file`,
      );
    }
    const newline = head.indexOf('\n');
    if (newline < 0 && !atEnd && head.length < SNIFF_CHARS) return null;
    const firstLine = newline < 0 ? head : head.slice(0, newline);
    let parsed: unknown;
    try {
      parsed = JSON.parse(firstLine);
    } catch {
      return { shape: 'document', text: head };
    }
    const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
    return { shape: isObject && this.isLine(parsed as Record<string, unknown>) ? 'lines' : 'document', text: head };
  }
}

/** What reads the text once its shape is known: a JsonLinesReader or a JsonDocumentReader. */
export interface JsonTextReader {
  write(text: string): void;
  end(): void;
}

/**
 * A JSON input that may be one document or JSON lines: decodes the chunks, holds the first text
 * until its shape is known, then opens the reader for that shape (given the text so far, which
 * it then reads) and feeds it everything after.
 */
export class SniffedJsonInput {
  private readonly decoder = new StringDecoder('utf8');
  private readonly sniffer: JsonShapeSniffer;
  private reader: JsonTextReader | null = null;

  constructor(
    isLine: (firstLine: Record<string, unknown>) => boolean,
    private readonly open: (shape: JsonShape, head: string) => JsonTextReader,
    /** What the file should have held, for a file with nothing but whitespace. */
    private readonly emptyMessage: string,
  ) {
    this.sniffer = new JsonShapeSniffer(isLine);
  }

  write(chunk: Buffer): void {
    this.feed(this.decoder.write(chunk));
  }

  end(): void {
    const rest = this.decoder.end();
    if (rest.length > 0) this.feed(rest);
    if (this.reader === null) {
      const decided = this.sniffer.finish();
      if (decided === null) throw new UsageInputError('line 1', this.emptyMessage);
      this.start(decided.shape, decided.text);
    }
    this.reader!.end();
  }

  private feed(text: string): void {
    if (this.reader !== null) {
      this.reader.write(text);
      return;
    }
    const decided = this.sniffer.push(text);
    if (decided !== null) this.start(decided.shape, decided.text);
  }

  private start(shape: JsonShape, text: string): void {
    this.reader = this.open(shape, text);
    this.reader.write(text);
  }
}

/** JSON lines: each non-blank line JSON.parse'd and handed on with its 1-based line number. */
export class JsonLinesReader {
  private pending = '';
  private line = 1;

  constructor(
    private readonly onLine: (value: unknown, line: number) => void,
    private readonly maxLineChars = MAX_JSON_LINE_CHARS,
  ) {}

  write(text: string): void {
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline < 0) {
        this.pending += text.slice(start);
        if (this.pending.length > this.maxLineChars) {
          throw new UsageInputError(
            `line ${this.line}`,
            `the line runs past ${Math.round(this.maxLineChars / (1024 * 1024))} Mi characters; expected one JSON object per line: check that this is a JSON-lines export and not one huge value`,
          );
        }
        return;
      }
      const lineText = this.pending.length === 0 ? text.slice(start, newline) : this.pending + text.slice(start, newline);
      this.pending = '';
      this.parseLine(lineText, false);
      start = newline + 1;
    }
  }

  end(): void {
    const rest = this.pending;
    this.pending = '';
    this.parseLine(rest, true);
  }

  private parseLine(text: string, last: boolean): void {
    const line = this.line++;
    if (text.trim().length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const reason = err instanceof Error ? ` (${cutForMessage(err.message)})` : '';
      throw new UsageInputError(
        `line ${line}`,
        last
          ? `the file ends in the middle of a JSON object on its last line${reason}; it may be truncated: export it again`
          : `the line is not valid JSON${reason}; expected one complete JSON object per line: fix the line or export the file again`,
      );
    }
    this.onLine(value, line);
  }
}

/**
 * One JSON document streamed element by element at `paths`. Errors say where: `where()` names the
 * last place read ("data[12]"), so a truncated or broken file points at the row to check.
 */
export class JsonDocumentReader {
  private readonly parser: JSONParser;
  private wrote = false;
  /** Characters read since the last value was emitted: what the parser is holding. */
  private sinceValue = 0;

  constructor(
    paths: string[],
    onValue: (info: ParsedElementInfo) => void,
    private readonly where: () => string,
    options: { multipleDocuments?: boolean; maxValueChars?: number } = {},
  ) {
    this.parser = new JSONParser({ paths, keepStack: false, separator: options.multipleDocuments ? '' : undefined });
    this.parser.onValue = (info) => {
      this.sinceValue = 0;
      onValue(info);
    };
    this.maxValueChars = options.maxValueChars ?? MAX_JSON_LINE_CHARS;
  }

  private readonly maxValueChars: number;

  write(text: string): void {
    if (text.length === 0) return;
    this.wrote = true;
    try {
      this.parser.write(text);
    } catch (err) {
      throw this.convert(err, false);
    }
    // A single value (a 50 MB string, a row that never closes) is refused, not held.
    this.sinceValue += text.length;
    if (this.sinceValue > this.maxValueChars) {
      const where = this.where();
      throw new UsageInputError(
        where,
        `one value at ${where} runs past ${Math.round(this.maxValueChars / (1024 * 1024))} Mi characters; expected rows under that size: export without large text fields (prompts, responses)`,
      );
    }
  }

  end(): void {
    if (this.parser.isEnded || !this.wrote) return;
    try {
      this.parser.end();
    } catch (err) {
      throw this.convert(err, true);
    }
  }

  private convert(err: unknown, atEnd: boolean): Error {
    if (err instanceof UsageInputError) return err;
    const where = this.where();
    if (atEnd) {
      return new UsageInputError(where, `the file ends in the middle of ${where} (the JSON is not closed); it may be truncated: export it again`);
    }
    const reason = err instanceof Error ? cutForMessage(err.message.replace(/ at chunk position.*$/, '')) : 'invalid JSON';
    return new UsageInputError(where, `the file is not valid JSON here (${reason}); expected a complete JSON export: export it again`);
  }
}
