import type { UsageRow } from '../../../shared/usage';
import { UsageInputError } from './usage-format';
import { describeValue, readCount, readOptionalCount, readOptionalText, type TimeSpan, BUCKET_WITHOUT_CALL_FIELDS } from './usage-values';

/**
 * One result of OpenAI's completions usage (`organization.usage.completions.result`), read the
 * same way from the Usage API's JSON and from the dashboard's CSV export, whose columns carry the
 * same names.
 */

/** The fields OpenAI fills only when the report is grouped by them, in the order `grouping` lists them. */
export const OPENAI_USAGE_GROUPING_FIELDS = ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'] as const;

/** Every field a completions result may carry (the CSV export accepts any subset of these as columns). */
export const OPENAI_USAGE_FIELDS = [
  'input_tokens',
  'output_tokens',
  'input_cached_tokens',
  'input_cache_write_tokens',
  'input_uncached_tokens',
  'input_text_tokens',
  'input_image_tokens',
  'input_audio_tokens',
  'input_cached_text_tokens',
  'input_cached_image_tokens',
  'input_cached_audio_tokens',
  'output_text_tokens',
  'output_image_tokens',
  'output_audio_tokens',
  'num_model_requests',
  ...OPENAI_USAGE_GROUPING_FIELDS,
  'api_source',
  'object',
] as const;

const COMPLETIONS_RESULT = 'organization.usage.completions.result';

export type ResultFields = Readonly<Record<string, unknown>>;

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** The grouping fields that any result of one bucket fills: "api_key_id,model", or '' when ungrouped. */
export function openAiGrouping(results: readonly ResultFields[]): string {
  return OPENAI_USAGE_GROUPING_FIELDS.filter((field) => results.some((result) => isPresent(result[field]))).join(',');
}

/** A result of another OpenAI report, which this format must not read as completions. */
function refuseOtherReport(result: ResultFields, position: string): void {
  const kind = result.object;
  if (typeof kind !== 'string' || kind === COMPLETIONS_RESULT) return;
  if (kind === 'organization.costs.result') {
    throw new UsageInputError(position, 'this is an OpenAI costs export (organization.costs.result), not usage: import it as OpenAI costs');
  }
  throw new UsageInputError(
    position,
    `expected a completions usage result (object "${COMPLETIONS_RESULT}"), found object ${describeValue(kind)}: only /v1/organization/usage/completions is read; export that report`,
  );
}

export interface OpenAiResultOptions {
  /** The JSON API always has the counts; a CSV export may leave a column out, which then counts 0. */
  countsRequired: boolean;
}

export function openAiUsageRow(
  result: ResultFields,
  span: TimeSpan,
  grouping: string,
  position: string,
  options: OpenAiResultOptions,
): UsageRow {
  refuseOtherReport(result, position);
  const count = options.countsRequired ? readRequiredCount : readOptionalCount;
  const inputIncludingCache = count(result.input_tokens, 'input_tokens', position);
  const outputTokens = count(result.output_tokens, 'output_tokens', position);
  const requests = count(result.num_model_requests, 'num_model_requests', position);
  const cachedInputTokens = readOptionalCount(result.input_cached_tokens, 'input_cached_tokens', position);
  // Newer results split out cache writes; OpenAI counts them inside input_tokens like cache reads.
  const cacheWriteTokens = readOptionalCount(result.input_cache_write_tokens, 'input_cache_write_tokens', position);
  if (cachedInputTokens + cacheWriteTokens > inputIncludingCache) {
    const parts = cacheWriteTokens > 0 ? `input_cached_tokens + input_cache_write_tokens (${cachedInputTokens} + ${cacheWriteTokens})` : `input_cached_tokens (${cachedInputTokens})`;
    throw new UsageInputError(
      position,
      `${parts} is more than input_tokens (${inputIncludingCache}): OpenAI's input_tokens includes cached tokens, so the result is inconsistent; export the report again`,
    );
  }
  return {
    provider: 'openai',
    layer: 'provider',
    startMs: span.startMs,
    endMs: span.endMs,
    keyId: readOptionalText(result.api_key_id, 'api_key_id', position),
    projectId: readOptionalText(result.project_id, 'project_id', position),
    model: readOptionalText(result.model, 'model', position),
    requests,
    inputTokens: inputIncludingCache - cachedInputTokens - cacheWriteTokens,
    cachedInputTokens,
    cacheWriteTokens,
    cacheWrite1hTokens: 0,
    outputTokens,
    ...BUCKET_WITHOUT_CALL_FIELDS,
    grouping,
    position,
  };
}

function readRequiredCount(value: unknown, field: string, position: string): number {
  if (value === undefined || value === null) {
    throw new UsageInputError(position, `the result has no ${field}: every OpenAI completions usage result carries it; export the report again`);
  }
  return readCount(value, field, position);
}
