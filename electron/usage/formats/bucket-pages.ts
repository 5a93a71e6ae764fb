import { Tokenizer, TokenType } from '@streamparser/json';
import { UsageInputError, type UsageParser } from './usage-format';
import { cutForMessage, describeValue } from './usage-values';

/**
 * The page/bucket shape that OpenAI's and Anthropic's usage and cost reports share:
 * `{data: [bucket, ...], has_more, next_page}`, saved as one page, as a JSON list of pages, or as
 * pages one after another (one per line, or back to back). Each bucket is handed over whole as
 * soon as its closing brace arrives, then dropped: memory holds one bucket, never the file.
 *
 * Built on @streamparser/json's Tokenizer rather than its JSONParser: the token stream tells
 * where each page starts and ends (JSONParser's paths cannot say "page 3 ended" without keeping
 * the page), gives every error its exact place ("page 2, data[3].results[0].input_tokens"), and
 * skipping the generic value builder above bucket level is what keeps a million results within
 * the throughput budget (see the bench figures in the report of this change).
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

export interface BucketPageHandler {
  /** What the file should be, for messages: "an OpenAI usage export". */
  reportName: string;
  /** One complete bucket; `position` is where it sits ("data[3]", "page 2, data[0]"). */
  bucket(bucket: JsonObject, position: string): void;
  warn(position: string, message: string): void;
}

/** What a container is to the report, which decides what is kept of it. */
const enum Role {
  /** The root list of a file that is a JSON list of pages. */
  Pages,
  Page,
  /** A page's `data` list of buckets. */
  Buckets,
  /** A bucket or anything inside one: built into plain values. */
  Build,
  /** Anything else (a page's unknown fields): read past, nothing kept. */
  Skip,
}

/** What the next token must be inside a container. */
const enum Expect {
  KeyOrClose,
  Key,
  Colon,
  Value,
  ValueOrClose,
  CommaOrClose,
}

interface Frame {
  role: Role;
  isObject: boolean;
  expect: Expect;
  /** Object: the key whose value is being read. */
  key: string;
  /** Array: the index of the element being read (-1 before the first). */
  index: number;
  /** Role.Build only: the object or array being filled. */
  value: JsonObject | JsonValue[] | null;
  /** The bucket itself, handed over when it closes. */
  isBucket: boolean;
}

interface PageState {
  number: number;
  prefix: string;
  sawData: boolean;
  hasMore: unknown;
  nextPage: unknown;
}

/** Deeper than any report; a file nested this deep is not one, and the frames must not grow without end. */
const MAX_DEPTH = 64;

export function createBucketPageReader(handler: BucketPageHandler): UsageParser {
  return new BucketPageReader(handler);
}

class BucketPageReader implements UsageParser {
  private readonly tokenizer = new Tokenizer();
  private readonly frames: Frame[] = [];
  private isListOfPages = false;
  private listOfPagesClosed = false;
  private pageCount = 0;
  private page: PageState | null = null;
  private lastPage: PageState | null = null;

  constructor(private readonly handler: BucketPageHandler) {
    this.tokenizer.onToken = ({ token, value }) => this.onToken(token, value);
  }

  write(chunk: Buffer): void {
    try {
      this.tokenizer.write(chunk);
    } catch (error) {
      throw this.asInputError(error);
    }
  }

  end(): void {
    try {
      this.tokenizer.end();
    } catch (error) {
      if (error instanceof UsageInputError) throw error;
      this.refuseTruncated();
    }
    if (this.frames.length > 0) this.refuseTruncated();
    if (this.pageCount === 0) {
      throw new UsageInputError('start of file', `the file is empty: expected ${this.handler.reportName} ({"data": [...], "has_more": ...})`);
    }
    const last = this.lastPage;
    if (last && last.hasMore === true && typeof last.nextPage === 'string') {
      this.handler.warn(
        pageName(last),
        `the last page says more pages follow (has_more: true, next_page ${describeValue(last.nextPage)}): this file is not the whole period; fetch the following pages and import them too`,
      );
    }
  }

  private asInputError(error: unknown): UsageInputError {
    if (error instanceof UsageInputError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return new UsageInputError(
      this.position(),
      `this is not valid JSON here (${cutForMessage(detail)}): expected ${this.handler.reportName} saved unchanged; export it again`,
    );
  }

  private refuseTruncated(): never {
    const where = this.page ? this.position() : this.frames.length > 0 ? 'the list of pages' : 'a value';
    throw new UsageInputError(this.position(), `the file ends in the middle of ${where}; it may be truncated: export it again`);
  }

  private onToken(token: TokenType, value: unknown): void {
    const frame = this.frames[this.frames.length - 1];
    if (!frame) {
      this.atRoot(token, value);
      return;
    }
    switch (frame.expect) {
      case Expect.KeyOrClose:
      case Expect.Key:
        if (token === TokenType.RIGHT_BRACE && frame.expect === Expect.KeyOrClose) return this.close();
        if (token !== TokenType.STRING) return this.unexpected(token, value, 'a field name in quotes');
        frame.key = value as string;
        frame.expect = Expect.Colon;
        return;
      case Expect.Colon:
        if (token !== TokenType.COLON) return this.unexpected(token, value, '":"');
        frame.expect = Expect.Value;
        return;
      case Expect.ValueOrClose:
      case Expect.Value:
        if (token === TokenType.RIGHT_BRACKET && frame.expect === Expect.ValueOrClose) return this.close();
        if (!frame.isObject) frame.index += 1;
        return this.value(frame, token, value);
      case Expect.CommaOrClose:
        if (token === TokenType.COMMA) {
          frame.expect = frame.isObject ? Expect.Key : Expect.Value;
          return;
        }
        if (token === (frame.isObject ? TokenType.RIGHT_BRACE : TokenType.RIGHT_BRACKET)) return this.close();
        return this.unexpected(token, value, frame.isObject ? '"," or "}"' : '"," or "]"');
    }
  }

  private atRoot(token: TokenType, value: unknown): void {
    if (this.listOfPagesClosed) return this.unexpected(token, value, 'the end of the file after the list of pages');
    if (token === TokenType.LEFT_BRACE) {
      this.startPage();
      this.push(Role.Page, true, null, false);
      return;
    }
    if (token === TokenType.LEFT_BRACKET && this.pageCount === 0) {
      this.isListOfPages = true;
      this.push(Role.Pages, false, null, false);
      return;
    }
    this.unexpected(token, value, `${this.handler.reportName}: a page {"data": [...]} or a list of pages`);
  }

  private value(frame: Frame, token: TokenType, value: unknown): void {
    frame.expect = Expect.CommaOrClose;
    switch (token) {
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET:
        return this.open(frame, token === TokenType.LEFT_BRACE);
      case TokenType.STRING:
      case TokenType.NUMBER:
      case TokenType.TRUE:
      case TokenType.FALSE:
      case TokenType.NULL:
        return this.primitive(frame, value as JsonValue);
      default:
        return this.unexpected(token, value, 'a value');
    }
  }

  private primitive(frame: Frame, value: JsonValue): void {
    switch (frame.role) {
      case Role.Build:
        if (frame.isObject) {
          if (frame.key !== '__proto__') (frame.value as JsonObject)[frame.key] = value;
        } else (frame.value as JsonValue[]).push(value);
        return;
      case Role.Page:
        if (frame.key === 'has_more') this.page!.hasMore = value;
        else if (frame.key === 'next_page') this.page!.nextPage = value;
        else if (frame.key === 'data') this.refuse(`"data" should be the list of buckets, found ${describeValue(value)}`);
        return;
      case Role.Buckets:
        return this.refuse(`each element of "data" should be a bucket object, found ${describeValue(value)}`);
      case Role.Pages:
        return this.refuse(`each element of the list should be a page {"data": [...]}, found ${describeValue(value)}`);
      case Role.Skip:
        return;
    }
  }

  private open(parent: Frame, isObject: boolean): void {
    switch (parent.role) {
      case Role.Build: {
        const value: JsonObject | JsonValue[] = isObject ? {} : [];
        if (parent.isObject) {
          if (parent.key !== '__proto__') (parent.value as JsonObject)[parent.key] = value;
        } else (parent.value as JsonValue[]).push(value);
        return this.push(Role.Build, isObject, value, false);
      }
      case Role.Buckets:
        if (!isObject) return this.refuse('each element of "data" should be a bucket object, found a list');
        return this.push(Role.Build, true, {}, true);
      case Role.Page:
        if (parent.key !== 'data') return this.push(Role.Skip, isObject, null, false);
        if (isObject) return this.refuse('"data" should be the list of buckets, found an object');
        this.page!.sawData = true;
        return this.push(Role.Buckets, false, null, false);
      case Role.Pages:
        if (!isObject) return this.refuse('each element of the list should be a page {"data": [...]}, found a list');
        this.startPage();
        return this.push(Role.Page, true, null, false);
      case Role.Skip:
        return this.push(Role.Skip, isObject, null, false);
    }
  }

  private push(role: Role, isObject: boolean, value: JsonObject | JsonValue[] | null, isBucket: boolean): void {
    if (this.frames.length >= MAX_DEPTH) this.refuse(`values are nested more than ${MAX_DEPTH} deep: this is not ${this.handler.reportName}`);
    this.frames.push({ role, isObject, expect: isObject ? Expect.KeyOrClose : Expect.ValueOrClose, key: '', index: -1, value, isBucket });
  }

  private close(): void {
    const frame = this.frames.pop()!;
    if (frame.isBucket) {
      const list = this.frames[this.frames.length - 1]!;
      this.handler.bucket(frame.value as JsonObject, `${this.page!.prefix}data[${list.index}]`);
    } else if (frame.role === Role.Page) {
      this.endPage();
    } else if (frame.role === Role.Pages) {
      this.listOfPagesClosed = true;
    }
  }

  private startPage(): void {
    this.pageCount += 1;
    const prefix = this.isListOfPages || this.pageCount > 1 ? `page ${this.pageCount}, ` : '';
    this.page = { number: this.pageCount, prefix, sawData: false, hasMore: undefined, nextPage: undefined };
  }

  private endPage(): void {
    const page = this.page!;
    if (!page.sawData) {
      throw new UsageInputError(
        pageName(page),
        `the page has no "data" list of buckets: expected ${this.handler.reportName} ({"data": [...], "has_more": ..., "next_page": ...}) saved unchanged`,
      );
    }
    if (page.hasMore === true && (typeof page.nextPage !== 'string' || page.nextPage === '')) {
      throw new UsageInputError(
        pageName(page),
        `the page is malformed: it says has_more: true but its next_page is ${describeValue(page.nextPage)}; export the report again`,
      );
    }
    this.lastPage = page;
    this.page = null;
  }

  private unexpected(token: TokenType, value: unknown, expected: string): never {
    const found = token === TokenType.STRING || token === TokenType.NUMBER ? describeValue(value) : JSON.stringify(String(value));
    this.refuse(`expected ${expected}, found ${found}; the file is not valid ${this.handler.reportName}`);
  }

  private refuse(message: string): never {
    throw new UsageInputError(this.position(), message);
  }

  /** Where the reader is: "page 2, data[3].results[0].input_tokens". */
  private position(): string {
    if (!this.page) return this.pageCount === 0 ? 'start of file' : `after page ${this.pageCount}`;
    const pageDepth = this.frames.findIndex((frame) => frame.role === Role.Page);
    const frames = pageDepth < 0 ? [] : this.frames.slice(pageDepth);
    let path = '';
    frames.forEach((frame, depth) => {
      // Enclosing containers are always inside one of their members; the innermost only while it reads a key's value.
      const inMember = depth < frames.length - 1 || (frame.isObject && (frame.expect === Expect.Colon || frame.expect === Expect.Value));
      if (!inMember) return;
      if (frame.isObject) path += path === '' ? cutForMessage(frame.key) : `.${cutForMessage(frame.key)}`;
      else path += `[${frame.index}]`;
    });
    return path === '' ? pageName(this.page) : `${this.page.prefix}${path}`;
  }
}

function pageName(page: PageState): string {
  return `page ${page.number}`;
}

/**
 * A bucket's results, each an object. OpenAI's API reference names the list `result` while its
 * responses say `results`; both are read.
 */
export function bucketResults(bucket: JsonObject, position: string): JsonObject[] {
  const results = bucket.results !== undefined ? bucket.results : bucket.result;
  if (!Array.isArray(results)) {
    throw new UsageInputError(position, `the bucket should have a "results" list, found ${describeValue(results)}; export the report again`);
  }
  results.forEach((result, index) => {
    if (result === null || typeof result !== 'object' || Array.isArray(result)) {
      throw new UsageInputError(`${position}.results[${index}]`, `each result should be an object, found ${describeValue(result)}`);
    }
  });
  return results as JsonObject[];
}
