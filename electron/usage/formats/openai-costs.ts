import type { CostRow } from '../../../shared/usage';
import { bucketResults, createBucketPageReader, type JsonObject } from './bucket-pages';
import { isGatewayOrTelemetry, startsLikeJson } from './report-detection';
import { UsageInputError, type UsageFormatSpec } from './usage-format';
import { describeValue, readAmount, readOptionalText, readTimeSpan, type TimeSpan } from './usage-values';

/**
 * OpenAI's Costs API (`/v1/organization/costs`): the same saved pages of buckets as the usage
 * report, each result an amount in currency units (dollars, not cents) for one line item.
 */

const COSTS_RESULT = /"organization\.costs\.result"/;
const COST_FIELDS = [/"line_item"\s*:/, /"amount"\s*:\s*\{/, /"start_time"\s*:/];

/** "gpt-4o-2024-08-06", "o1", "ft:gpt-4o-mini:acme::abc": lower-case start, no spaces, a digit or a dash somewhere. */
const MODEL_NAME = /^[a-z][A-Za-z0-9._:/-]*$/;
/** Line items name the modality after the model: "gpt-image-1 image, output". */
const MODALITY_SUFFIX = / (?:text|image|audio)$/;

/** The model a line item is for ("gpt-4o-2024-08-06, input" is gpt-4o-2024-08-06), or null when it names none ("whisper", "File search storage"). */
export function modelOfLineItem(lineItem: string | null): string | null {
  if (lineItem === null) return null;
  const comma = lineItem.indexOf(',');
  if (comma < 0) return null;
  const candidate = lineItem.slice(0, comma).trim().replace(MODALITY_SUFFIX, '');
  return MODEL_NAME.test(candidate) && /[\d-]/.test(candidate) ? candidate : null;
}

function refuseOtherReport(result: JsonObject, position: string): void {
  const kind = result.object;
  if (typeof kind !== 'string' || kind === 'organization.costs.result') return;
  if (kind.startsWith('organization.usage.')) {
    throw new UsageInputError(position, `this is an OpenAI usage export (object ${describeValue(kind)}), not costs: import it as OpenAI usage`);
  }
  throw new UsageInputError(position, `expected a costs result (object "organization.costs.result"), found object ${describeValue(kind)}`);
}

function costRow(result: JsonObject, span: TimeSpan, position: string): CostRow {
  refuseOtherReport(result, position);
  const amount = result.amount;
  if (amount === null || typeof amount !== 'object' || Array.isArray(amount)) {
    throw new UsageInputError(position, `amount should be an object {"value": ..., "currency": "usd"}, found ${describeValue(amount)}; export the report again`);
  }
  const currency = amount.currency;
  if (typeof currency !== 'string' || currency.trim() === '') {
    throw new UsageInputError(position, `amount.currency should be a currency code such as "usd", found ${describeValue(currency)}`);
  }
  const lineItem = readOptionalText(result.line_item, 'line_item', position);
  return {
    provider: 'openai',
    startMs: span.startMs,
    endMs: span.endMs,
    amount: readAmount(amount.value, 'amount.value', position),
    // OpenAI writes "usd", Anthropic "USD": one spelling lets the bills add up.
    currency: currency.trim().toUpperCase(),
    projectId: readOptionalText(result.project_id, 'project_id', position),
    model: modelOfLineItem(lineItem),
    lineItem,
    position,
  };
}

export const openAiCostsFormat: UsageFormatSpec = {
  format: 'openai-costs',
  detect(head) {
    if (!startsLikeJson(head) || isGatewayOrTelemetry(head)) return false;
    return COSTS_RESULT.test(head) || COST_FIELDS.every((field) => field.test(head));
  },
  createParser(sink) {
    return createBucketPageReader({
      reportName: 'an OpenAI costs export (/v1/organization/costs)',
      warn: (position, message) => sink.warn(position, message),
      bucket(bucket, position) {
        const span = readTimeSpan(bucket.start_time, bucket.end_time, { start: 'start_time', end: 'end_time' }, position);
        bucketResults(bucket, position).forEach((result, index) => {
          sink.cost(costRow(result, span, `${position}.results[${index}]`));
        });
      },
    });
  },
};
