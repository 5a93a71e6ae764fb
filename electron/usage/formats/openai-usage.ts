import { bucketResults, createBucketPageReader } from './bucket-pages';
import { openAiGrouping, openAiUsageRow } from './openai-usage-result';
import { isGatewayOrTelemetry, startsLikeJson } from './report-detection';
import type { UsageFormatSpec } from './usage-format';
import { readTimeSpan } from './usage-values';

/**
 * OpenAI's Usage API for completions (`/v1/organization/usage/completions`): saved pages of
 * buckets in unix seconds, each result a group of calls. `input_tokens` counts cached tokens too;
 * rows carry the uncached rest (see openai-usage-result.ts).
 */

const COMPLETIONS_RESULT = /"organization\.usage\.completions\.result"/;
const USAGE_FIELDS = [/"num_model_requests"\s*:/, /"input_tokens"\s*:/, /"start_time"\s*:/];

export const openAiUsageFormat: UsageFormatSpec = {
  format: 'openai-usage',
  detect(head) {
    if (!startsLikeJson(head) || isGatewayOrTelemetry(head)) return false;
    return COMPLETIONS_RESULT.test(head) || USAGE_FIELDS.every((field) => field.test(head));
  },
  createParser(sink) {
    return createBucketPageReader({
      reportName: 'an OpenAI completions usage export (/v1/organization/usage/completions)',
      warn: (position, message) => sink.warn(position, message),
      bucket(bucket, position) {
        const span = readTimeSpan(bucket.start_time, bucket.end_time, { start: 'start_time', end: 'end_time' }, position);
        const results = bucketResults(bucket, position);
        const grouping = openAiGrouping(results);
        results.forEach((result, index) => {
          sink.row(openAiUsageRow(result, span, grouping, `${position}.results[${index}]`, { countsRequired: true }));
        });
      },
    });
  },
};
