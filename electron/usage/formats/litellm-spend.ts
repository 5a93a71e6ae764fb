import type { UsageRow } from '../../../shared/usage';
import { CsvRecordReader, DEFAULT_MAX_RECORD_CHARS } from './csv-records';
import { JsonDocumentReader, JsonLinesReader, SniffedJsonInput, type JsonShape, type JsonTextReader } from './json-input';
import { readCallTimeMs } from './time-values';
import { UsageInputError, type UsageFormatSpec, type UsageParser, type UsageSink } from './usage-format';
import { cutForMessage, describeValue, MAX_TOKENS, readOptionalCount } from './usage-values';
import { UsageWarnings } from './usage-warnings';

/**
 * LiteLLM proxy spend logs: the LiteLLM_SpendLogs table, one row per call through the gateway,
 * exported as CSV (a header row of column names) or JSON (a list of rows, {"data": [...]} as the
 * /spend/logs API pages, or one row per line).
 *
 * What the table holds (litellm schema.prisma and spend_tracking_utils.get_logging_payload):
 * - api_key is the sha256 of the virtual key (or "litellm_proxy_master_key"); user is the key
 *   owner's internal user id; end_user the customer id the caller passed; team_id the key's team.
 * - metadata is a filtered SpendLogsMetadata object: user_api_key_alias, user_api_key_team_id,
 *   user_api_key_user_id, spend_logs_metadata (the caller's own key/values), usage_object and
 *   additional_usage_values (the usage fields besides prompt/completion/total: cache reads and
 *   writes), status, error_information. Request tags are their own column, not in metadata.
 * - prompt_tokens follows OpenAI: it includes cached tokens (and, in current LiteLLM, Anthropic's
 *   cache writes: prompt = input + cache_creation + cache_read), so both are taken out here.
 */

const FIELDS = [
  'request_id',
  'api_key',
  'spend',
  'total_tokens',
  'prompt_tokens',
  'completion_tokens',
  'startTime',
  'endTime',
  'model',
  'model_group',
  'custom_llm_provider',
  'user',
  'metadata',
  'request_tags',
  'team_id',
  'end_user',
  'session_id',
  'agent_id',
] as const;
type Field = (typeof FIELDS)[number];
/** One row's values by column name: CSV cells (text) or a JSON row's properties. */
interface RowSource {
  get(field: Field): unknown;
}

/** The largest row held, as for CSV records: LiteLLM truncates stored prompts, so real rows are far smaller. */
const MAX_ROW_CHARS = DEFAULT_MAX_RECORD_CHARS;

const TOKEN_FIELDS: readonly Field[] = ['prompt_tokens', 'completion_tokens', 'total_tokens'];

const EXPECTED_COLUMNS =
  'LiteLLM_SpendLogs columns (request_id, startTime, endTime, prompt_tokens, completion_tokens, spend, api_key, model, metadata, ...)';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of an id or tag: trimmed, null when absent or empty; numbers as written. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') {
    const text = value.trim();
    return text.length === 0 ? null : text;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim().length === 0);
}

/** Python and Postgres write small floats with an exponent ("1.5e-05"): a spend cell is any decimal. */
const SPEND_TEXT = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Money amounts above this are corrupt, not one call. */
const MAX_CALL_SPEND_USD = 1e9;

function spendOf(value: unknown, position: string): number {
  let spend = NaN;
  if (typeof value === 'number') spend = value;
  else if (typeof value === 'string' && SPEND_TEXT.test(value.trim())) spend = Number(value.trim());
  if (!Number.isFinite(spend) || spend > MAX_CALL_SPEND_USD) {
    throw new UsageInputError(position, `spend should be an amount in USD such as 0.0125, found ${describeValue(value)}: check the column`);
  }
  if (spend < 0) throw new UsageInputError(position, `spend should be zero or more USD, found ${describeValue(value)}: a call never earns money; check the column`);
  return spend;
}

/** A count: plain digits read by position (a million rows repeat them), anything else by readOptionalCount. */
function countOf(value: unknown, field: string, position: string): number {
  if (typeof value === 'string') {
    const n = value.length;
    if (n > 0 && n < 16) {
      let count = 0;
      let i = 0;
      for (; i < n; i++) {
        const d = value.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        count = count * 10 + d;
      }
      if (i === n) return count;
    }
  } else if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TOKENS) {
    return value;
  }
  return readOptionalCount(value, field, position);
}

/** A whole non-negative count from metadata, or undefined: metadata is a hint and never refuses a row. */
function metaCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** "agent:triage-bot" → "triage-bot" for the first tag with one of the prefixes. */
function taggedValue(tags: readonly unknown[], prefixes: readonly string[]): string | null {
  for (const tag of tags) {
    if (typeof tag !== 'string') continue;
    const colon = tag.indexOf(':');
    if (colon <= 0) continue;
    const prefix = tag.slice(0, colon + 1).trim().toLowerCase();
    if (!prefixes.includes(prefix)) continue;
    const value = tag.slice(colon + 1).trim();
    if (value.length > 0) return value;
  }
  return null;
}

class SpendRowReader {
  constructor(
    private readonly sink: UsageSink,
    private readonly warnings: UsageWarnings,
  ) {}

  read(source: RowSource, position: string): void {
    const requestId = textOf(source.get('request_id'));
    if (requestId === null) {
      throw new UsageInputError(
        position,
        `the row has no request_id (found ${describeValue(source.get('request_id'))}); every LiteLLM spend log row has one: export the LiteLLM_SpendLogs table with its request_id column`,
      );
    }
    const start = source.get('startTime');
    if (isEmpty(start)) {
      throw new UsageInputError(position, `the row has no startTime; every LiteLLM spend log row has the call's start: export the table with its startTime column`);
    }
    const startMs = readCallTimeMs(start, 'startTime', position);
    const end = source.get('endTime');
    const endMs = isEmpty(end) ? startMs : readCallTimeMs(end, 'endTime', position);
    if (endMs < startMs) {
      throw new UsageInputError(
        position,
        `endTime ${describeValue(end)} is before startTime ${describeValue(start)}; a call ends after it starts: check that the two columns are not swapped or in different time zones`,
      );
    }

    if (source.get('prompt_tokens') === undefined && source.get('completion_tokens') === undefined && source.get('total_tokens') === undefined) {
      throw new UsageInputError(position, `the row has none of prompt_tokens, completion_tokens, total_tokens; expected ${EXPECTED_COLUMNS}`);
    }
    const completion = countOf(source.get('completion_tokens'), 'completion_tokens', position);
    const total = countOf(source.get('total_tokens'), 'total_tokens', position);
    let prompt = countOf(source.get('prompt_tokens'), 'prompt_tokens', position);
    // A total with no split (older rows, trimmed exports): what is not completion was prompt.
    if (isEmpty(source.get('prompt_tokens')) && total > completion) prompt = total - completion;

    const rawSpend = source.get('spend');
    const spend = isEmpty(rawSpend) ? null : spendOf(rawSpend, position);

    const metadata = this.metadataOf(source.get('metadata'), position);
    const caller = isObject(metadata?.spend_logs_metadata) ? metadata.spend_logs_metadata : undefined;
    const tags = this.tagsOf(source.get('request_tags'), position);
    const metadataTags = Array.isArray(metadata?.tags) ? metadata.tags : [];

    // Cache reads and writes: usage_object (current LiteLLM) or additional_usage_values (older).
    const usage = isObject(metadata?.usage_object) ? metadata.usage_object : isObject(metadata?.additional_usage_values) ? metadata.additional_usage_values : undefined;
    const details = isObject(usage?.prompt_tokens_details) ? usage.prompt_tokens_details : undefined;
    const cached = metaCount(usage?.cache_read_input_tokens) ?? metaCount(details?.cached_tokens) ?? 0;
    const cacheWrite = metaCount(usage?.cache_creation_input_tokens) ?? metaCount(details?.cache_creation_tokens) ?? 0;
    let input = prompt - cached - cacheWrite;
    // LiteLLM versions before late 2025 left Anthropic cache writes out of prompt_tokens.
    if (input < 0) input = prompt - cached;
    if (input < 0) {
      this.warnings.warn(
        'cache-over-prompt',
        position,
        `the usage in metadata says ${cached} cached tokens but prompt_tokens is only ${prompt}; counted no uncached input for this call`,
        'say more cached tokens than prompt_tokens (counted with no uncached input)',
      );
      input = 0;
    }

    const provider = textOf(source.get('custom_llm_provider'))?.toLowerCase() ?? 'unknown';
    const row: UsageRow = {
      provider,
      layer: 'gateway',
      startMs,
      endMs,
      keyId: textOf(source.get('api_key')),
      projectId: textOf(source.get('team_id')) ?? textOf(metadata?.user_api_key_team_id),
      model: textOf(source.get('model')) ?? textOf(source.get('model_group')),
      requests: 1, // a failed call (status "failure") is still a request, with whatever tokens it used
      inputTokens: input,
      cachedInputTokens: cached,
      cacheWriteTokens: cacheWrite,
      cacheWrite1hTokens: 0,
      outputTokens: completion,
      reportedCostUsd: spend,
      agentTag:
        textOf(source.get('agent_id')) ??
        (textOf(metadata?.agent_id) ?? textOf(caller?.agent_id)) ??
        taggedValue(tags, ['agent:', 'agent_id:']) ??
        taggedValue(metadataTags, ['agent:', 'agent_id:']),
      featureTag: (textOf(metadata?.feature_id) ?? textOf(caller?.feature_id)) ?? taggedValue(tags, ['feature:', 'feature_id:']) ?? taggedValue(metadataTags, ['feature:', 'feature_id:']),
      userTag: textOf(source.get('end_user')) ?? textOf(source.get('user')) ?? (textOf(metadata?.user_id) ?? textOf(caller?.user_id)),
      sessionTag: textOf(source.get('session_id')) ?? (textOf(metadata?.session_id) ?? textOf(caller?.session_id)),
      serviceTag: textOf(metadata?.user_api_key_alias),
      eventId: requestId,
      grouping: '',
      position,
    };
    this.sink.row(row);
  }

  /** The metadata object; real exports truncate long JSON cells, so a broken one is warned about and left out. */
  private metadataOf(value: unknown, position: string): Json | undefined {
    if (isObject(value)) return value;
    if (isEmpty(value)) return undefined;
    if (typeof value === 'string') {
      try {
        const parsed: unknown = JSON.parse(value);
        if (isObject(parsed)) return parsed;
      } catch {
        // warned below
      }
    }
    this.warnings.warn(
      'metadata',
      position,
      `metadata is not a JSON object (found ${describeValue(value)}); its key alias, team, tags and cache tokens were left out for this row`,
      'have metadata that is not a JSON object (left out)',
    );
    return undefined;
  }

  private tagsOf(value: unknown, position: string): readonly unknown[] {
    if (Array.isArray(value)) return value;
    if (isEmpty(value)) return [];
    if (typeof value === 'string') {
      try {
        const parsed: unknown = JSON.parse(value);
        if (Array.isArray(parsed)) return parsed;
      } catch {
        // warned below
      }
    }
    this.warnings.warn(
      'request_tags',
      position,
      `request_tags is not a JSON list (found ${describeValue(value)}); the row's tags were left out`,
      'have request_tags that are not a JSON list (left out)',
    );
    return [];
  }
}

// ---------------------------------------------------------------------------------------------- CSV

/** Reused for every record: no allocation per row. */
class CsvRowSource implements RowSource {
  cells: string[] = [];
  index = {} as Record<Field, number>;

  get(field: Field): unknown {
    const i = this.index[field];
    return i < 0 ? undefined : this.cells[i];
  }
}

class LiteLlmCsvParser implements UsageParser {
  private readonly csv = new CsvRecordReader((cells, line) => this.record(cells, line));
  private readonly warnings: UsageWarnings;
  private readonly rows: SpendRowReader;
  private index: Record<Field, number> | null = null;
  private columns = 0;
  private readonly source = new CsvRowSource();

  constructor(sink: UsageSink) {
    this.warnings = new UsageWarnings(sink);
    this.rows = new SpendRowReader(sink, this.warnings);
  }

  write(chunk: Buffer): void {
    this.csv.write(chunk);
  }

  end(): void {
    this.csv.end();
    if (this.index === null) throw new UsageInputError('line 1', `the file is empty; expected a header row of ${EXPECTED_COLUMNS} and a row per call`);
    this.warnings.flush();
  }

  private record(cells: string[], line: number): void {
    const index = this.index;
    if (index === null) {
      this.index = this.header(cells, line);
      this.source.index = this.index;
      this.columns = cells.length;
      return;
    }
    if (cells.length !== this.columns) {
      // A row of only empty cells is a spreadsheet's trailing blank line.
      if (cells.every((cell) => cell.trim().length === 0)) return;
      throw new UsageInputError(
        `line ${line}`,
        `the row has ${cells.length} cells but the header has ${this.columns} columns; expected one cell per column (a cell holding a comma, quote or line break must be quoted): export the file again`,
      );
    }
    this.source.cells = cells;
    this.rows.read(this.source, `line ${line}`);
  }

  private header(cells: string[], line: number): Record<Field, number> {
    const byName = new Map<string, number>();
    cells.forEach((cell, i) => {
      const name = cell.trim().toLowerCase();
      if (!byName.has(name)) byName.set(name, i);
    });
    const index = {} as Record<Field, number>;
    for (const field of FIELDS) index[field] = byName.get(field.toLowerCase()) ?? -1;
    const missing: string[] = [];
    if (index.request_id < 0) missing.push('request_id');
    if (index.startTime < 0) missing.push('startTime');
    if (TOKEN_FIELDS.every((field) => index[field] < 0)) missing.push('a token column (prompt_tokens, completion_tokens or total_tokens)');
    if (missing.length > 0) {
      const found = cutForMessage(cells.join(','));
      throw new UsageInputError(`line ${line}`, `the header has no ${missing.join(', no ')} (found ${JSON.stringify(found)}); expected ${EXPECTED_COLUMNS}: export the table with its header row`);
    }
    return index;
  }
}

// --------------------------------------------------------------------------------------------- JSON

class JsonRowSource implements RowSource {
  row: Json = {};

  get(field: Field): unknown {
    return this.row[field];
  }
}

class LiteLlmJsonParser implements UsageParser {
  private readonly input = new SniffedJsonInput(
    // A {"data": [...]} wrapper on one line is a document, not the first of many rows.
    (first) => !Array.isArray(first.data),
    (shape, head) => this.open(shape, head),
    'the file is empty; expected LiteLLM spend log rows as JSON',
  );
  private readonly warnings: UsageWarnings;
  private readonly rows: SpendRowReader;
  private count = 0;
  private readonly source = new JsonRowSource();
  private lastIndex = -1;
  private prefix = '';

  constructor(private readonly sink: UsageSink) {
    this.warnings = new UsageWarnings(sink);
    this.rows = new SpendRowReader(sink, this.warnings);
  }

  write(chunk: Buffer): void {
    this.input.write(chunk);
  }

  end(): void {
    this.input.end();
    if (this.count === 0) this.sink.warn('whole file', 'the file holds no spend log rows (expected a list of rows, {"data": [...]}, or one row per line)');
    this.warnings.flush();
  }

  private open(shape: JsonShape, head: string): JsonTextReader {
    if (shape === 'lines') return new JsonLinesReader((value, line) => this.row(value, `line ${line}`), MAX_ROW_CHARS);
    const list = head.charCodeAt(0) === 0x5b; // [
    this.prefix = list ? '' : 'data';
    return new JsonDocumentReader(
      [list ? '$.*' : '$.data.*'],
      ({ value, key }) => {
        this.lastIndex = typeof key === 'number' ? key : this.lastIndex + 1;
        this.row(value, `${this.prefix}[${this.lastIndex}]`);
      },
      () => `${this.prefix}[${this.lastIndex + 1}]`,
      { maxValueChars: MAX_ROW_CHARS },
    );
  }

  private row(value: unknown, position: string): void {
    if (!isObject(value)) {
      throw new UsageInputError(position, `expected a spend log row (a JSON object with request_id, startTime, tokens), found ${describeValue(value)}`);
    }
    this.count++;
    this.source.row = value;
    this.rows.read(this.source, position);
  }
}

// ------------------------------------------------------------------------------------------- detect

function withoutBom(head: string): string {
  return head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
}

/** A CSV whose header names request_id and spend, or api_key and startTime. */
export function detectLiteLlmSpendCsv(head: string): boolean {
  const text = withoutBom(head);
  const first = text.charCodeAt(0);
  if (first === 0x7b || first === 0x5b) return false; // JSON
  let lineEnd = text.search(/[\r\n]/);
  if (lineEnd < 0) lineEnd = text.length;
  const names = new Set(
    text
      .slice(0, lineEnd)
      .split(',')
      .map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase()),
  );
  return names.has('request_id') && (names.has('spend') || (names.has('api_key') && names.has('starttime')));
}

/** JSON whose rows carry request_id with spend or startTime, and nothing of the provider usage APIs or OTLP. */
export function detectLiteLlmSpendJson(head: string): boolean {
  const text = withoutBom(head).trimStart();
  const first = text.charCodeAt(0);
  if (first !== 0x7b && first !== 0x5b) return false;
  if (/"resourceSpans"\s*:/.test(text)) return false;
  if (/"object"\s*:\s*"(?:page|bucket)"/.test(text) || text.includes('"uncached_input_tokens"')) return false;
  return /"request_id"\s*:/.test(text) && /"(?:spend|startTime)"\s*:/.test(text);
}

export const liteLlmSpendCsvFormat: UsageFormatSpec = {
  format: 'litellm-spend-csv',
  detect: detectLiteLlmSpendCsv,
  createParser: (sink) => new LiteLlmCsvParser(sink),
};

export const liteLlmSpendJsonFormat: UsageFormatSpec = {
  format: 'litellm-spend-json',
  detect: detectLiteLlmSpendJson,
  createParser: (sink) => new LiteLlmJsonParser(sink),
};
