import type { UsageRow } from '../../../shared/usage';
import { bucketResults, createBucketPageReader, type JsonObject } from './bucket-pages';
import { isGatewayOrTelemetry, startsLikeJson } from './report-detection';
import { UsageInputError, type UsageFormatSpec } from './usage-format';
import { describeValue, readCount, readOptionalCount, readOptionalText, readTimeSpan, type TimeSpan, BUCKET_WITHOUT_CALL_FIELDS } from './usage-values';

/**
 * Anthropic's Admin API usage report (`/v1/organizations/usage_report/messages`): pages of
 * buckets bounded by RFC 3339 times. `uncached_input_tokens` already leaves out cache reads and
 * writes, so it is the row's input as it stands. The report counts no requests: rows say 0.
 */

/** The fields Anthropic fills only when the report is grouped by them, in the order `grouping` lists them. */
export const ANTHROPIC_USAGE_GROUPING_FIELDS = [
  'api_key_id',
  'workspace_id',
  'model',
  'service_tier',
  'context_window',
  'inference_geo',
  'speed',
  'account_id',
  'service_account_id',
] as const;

const STARTING_AT = /"starting_at"\s*:/;
const TOKEN_FIELDS = /"(?:uncached_input_tokens|cache_read_input_tokens)"\s*:/;

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function grouping(results: readonly JsonObject[]): string {
  return ANTHROPIC_USAGE_GROUPING_FIELDS.filter((field) => results.some((result) => isPresent(result[field]))).join(',');
}

/**
 * Cache writes, 5-minute and 1-hour summed: the API nests them (`cache_creation.ephemeral_5m_input_tokens`),
 * some exports flatten them (`cache_creation_5m_input_tokens`), older ones give one total
 * (`cache_creation_input_tokens`). Exactly one form is read so that none is counted twice.
 */
function cacheWrites(result: JsonObject, position: string): { all: number; oneHour: number } {
  const nested = result.cache_creation;
  if (nested !== undefined && nested !== null) {
    if (typeof nested !== 'object' || Array.isArray(nested)) {
      throw new UsageInputError(position, `cache_creation should be an object {"ephemeral_5m_input_tokens": ..., "ephemeral_1h_input_tokens": ...}, found ${describeValue(nested)}`);
    }
    const oneHour = readOptionalCount(nested.ephemeral_1h_input_tokens, 'cache_creation.ephemeral_1h_input_tokens', position);
    return { all: readOptionalCount(nested.ephemeral_5m_input_tokens, 'cache_creation.ephemeral_5m_input_tokens', position) + oneHour, oneHour };
  }
  if (isPresent(result.cache_creation_5m_input_tokens) || isPresent(result.cache_creation_1h_input_tokens)) {
    const oneHour = readOptionalCount(result.cache_creation_1h_input_tokens, 'cache_creation_1h_input_tokens', position);
    return { all: readOptionalCount(result.cache_creation_5m_input_tokens, 'cache_creation_5m_input_tokens', position) + oneHour, oneHour };
  }
  // The older single total does not say which cache: priced as 5-minute writes.
  return { all: readOptionalCount(result.cache_creation_input_tokens, 'cache_creation_input_tokens', position), oneHour: 0 };
}

function requiredCount(result: JsonObject, field: string, position: string): number {
  const value = result[field];
  if (value === undefined || value === null) {
    const hint = 'amount' in result ? ': this looks like an Anthropic cost report; import it as Anthropic cost' : '; every usage result carries it: export the report again';
    throw new UsageInputError(position, `the result has no ${field}${hint}`);
  }
  return readCount(value, field, position);
}

function usageRow(result: JsonObject, span: TimeSpan, groupedBy: string, position: string): UsageRow {
  const writes = cacheWrites(result, position);
  return {
    provider: 'anthropic',
    layer: 'provider',
    startMs: span.startMs,
    endMs: span.endMs,
    keyId: readOptionalText(result.api_key_id, 'api_key_id', position),
    projectId: readOptionalText(result.workspace_id, 'workspace_id', position),
    model: readOptionalText(result.model, 'model', position),
    requests: 0,
    inputTokens: requiredCount(result, 'uncached_input_tokens', position),
    cachedInputTokens: readOptionalCount(result.cache_read_input_tokens, 'cache_read_input_tokens', position),
    cacheWriteTokens: writes.all,
    cacheWrite1hTokens: writes.oneHour,
    outputTokens: requiredCount(result, 'output_tokens', position),
    ...BUCKET_WITHOUT_CALL_FIELDS,
    grouping: groupedBy,
    position,
  };
}

export const anthropicUsageFormat: UsageFormatSpec = {
  format: 'anthropic-usage',
  detect(head) {
    return startsLikeJson(head) && !isGatewayOrTelemetry(head) && STARTING_AT.test(head) && TOKEN_FIELDS.test(head);
  },
  createParser(sink) {
    return createBucketPageReader({
      reportName: 'an Anthropic usage report (/v1/organizations/usage_report/messages)',
      warn: (position, message) => sink.warn(position, message),
      bucket(bucket, position) {
        const span = readTimeSpan(bucket.starting_at, bucket.ending_at, { start: 'starting_at', end: 'ending_at' }, position);
        const results = bucketResults(bucket, position);
        const groupedBy = grouping(results);
        results.forEach((result, index) => sink.row(usageRow(result, span, groupedBy, `${position}.results[${index}]`)));
      },
    });
  },
};
