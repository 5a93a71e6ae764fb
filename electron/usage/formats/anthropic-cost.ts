import type { CostRow } from '../../../shared/usage';
import { bucketResults, createBucketPageReader, type JsonObject } from './bucket-pages';
import { isGatewayOrTelemetry, startsLikeJson } from './report-detection';
import { UsageInputError, type UsageFormatSpec } from './usage-format';
import { describeValue, readAmount, readOptionalText, readTimeSpan, type TimeSpan } from './usage-values';

/**
 * Anthropic's Admin API cost report (`/v1/organizations/cost_report`): pages of buckets whose
 * amounts are decimal strings in the currency's lowest unit ("123.45" USD is $1.2345).
 */

const COST_FIELDS = [/"starting_at"\s*:/, /"amount"\s*:/, /"currency"\s*:/];
const USAGE_FIELD = /"uncached_input_tokens"\s*:/;

/** "tokens/output_tokens", "web_search"; the description when the report is not grouped by it. */
function lineItem(result: JsonObject, position: string): string | null {
  const costType = readOptionalText(result.cost_type, 'cost_type', position);
  const tokenType = readOptionalText(result.token_type, 'token_type', position);
  const parts = [costType, tokenType].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join('/') : readOptionalText(result.description, 'description', position);
}

function costRow(result: JsonObject, span: TimeSpan, position: string): CostRow {
  if (result.amount === undefined || result.amount === null) {
    const hint = 'uncached_input_tokens' in result ? ': this looks like an Anthropic usage report; import it as Anthropic usage' : '; export the report again';
    throw new UsageInputError(position, `the result has no amount${hint}`);
  }
  const currency = result.currency;
  if (typeof currency !== 'string' || currency.trim() === '') {
    throw new UsageInputError(position, `currency should be a currency code such as "USD", found ${describeValue(currency)}`);
  }
  return {
    provider: 'anthropic',
    startMs: span.startMs,
    endMs: span.endMs,
    amount: readAmount(result.amount, 'amount', position, 2),
    currency: currency.trim().toUpperCase(),
    projectId: readOptionalText(result.workspace_id, 'workspace_id', position),
    model: readOptionalText(result.model, 'model', position),
    lineItem: lineItem(result, position),
    position,
  };
}

export const anthropicCostFormat: UsageFormatSpec = {
  format: 'anthropic-cost',
  detect(head) {
    if (!startsLikeJson(head) || isGatewayOrTelemetry(head) || USAGE_FIELD.test(head)) return false;
    return COST_FIELDS.every((field) => field.test(head));
  },
  createParser(sink) {
    return createBucketPageReader({
      reportName: 'an Anthropic cost report (/v1/organizations/cost_report)',
      warn: (position, message) => sink.warn(position, message),
      bucket(bucket, position) {
        const span = readTimeSpan(bucket.starting_at, bucket.ending_at, { start: 'starting_at', end: 'ending_at' }, position);
        bucketResults(bucket, position).forEach((result, index) => sink.cost(costRow(result, span, `${position}.results[${index}]`)));
      },
    });
  },
};
