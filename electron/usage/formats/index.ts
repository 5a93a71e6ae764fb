import { anthropicCostFormat } from './anthropic-cost';
import { anthropicUsageFormat } from './anthropic-usage';
import { liteLlmSpendCsvFormat, liteLlmSpendJsonFormat } from './litellm-spend';
import { openAiCostsFormat } from './openai-costs';
import { openAiUsageFormat } from './openai-usage';
import { openAiUsageCsvFormat } from './openai-usage-csv';
import { otelGenAiFormat } from './otel-genai';
import type { UsageFormatSpec } from './usage-format';

/**
 * Every usage format, in detection order. Each recognises its own field names in the first 64 KB;
 * the specific shapes (a costs page, a cost report) are tried before the general ones they resemble.
 */
export const USAGE_FORMAT_SPECS: ReadonlyArray<UsageFormatSpec> = [
  openAiCostsFormat,
  openAiUsageFormat,
  openAiUsageCsvFormat,
  anthropicCostFormat,
  anthropicUsageFormat,
  liteLlmSpendCsvFormat,
  liteLlmSpendJsonFormat,
  otelGenAiFormat,
];
