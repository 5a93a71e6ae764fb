import { describe, expect, it } from 'vitest';
import { anthropicCostFormat } from './anthropic-cost';
import { anthropicUsageFormat } from './anthropic-usage';
import { openAiCostsFormat } from './openai-costs';
import { openAiUsageFormat } from './openai-usage';
import { fixture, headOf, OTLP_TRACE_HEAD, parseEveryChunking } from './provider-report-test-kit';
import { inputErrorOf, parseWith } from './usage-test-helpers';

const NOV_1_MS = Date.UTC(2025, 10, 1);
const DAY_MS = 86_400_000;

function report(results: Record<string, unknown>[], bucket: Record<string, unknown> = {}): string {
  return JSON.stringify({ data: [{ starting_at: '2025-11-01T00:00:00Z', ending_at: '2025-11-02T00:00:00Z', results, ...bucket }], has_more: false, next_page: null });
}
const line = (overrides: Record<string, unknown> = {}) => ({ currency: 'USD', amount: '100', workspace_id: null, description: null, cost_type: null, model: null, token_type: null, ...overrides });
const errorOf = (text: string) => inputErrorOf(() => parseWith(anthropicCostFormat, text));

describe('Anthropic cost report', () => {
  it('turns cents written as decimal text into dollars, the same in every chunking', () => {
    const { rows, costs, warnings } = parseEveryChunking(anthropicCostFormat, fixture('anthropic-cost.json'));
    expect(rows).toEqual([]);
    expect(warnings).toEqual([]);
    expect(costs[0]).toEqual({
      provider: 'anthropic',
      startMs: NOV_1_MS,
      endMs: NOV_1_MS + DAY_MS,
      amount: 1.2345,
      currency: 'USD',
      projectId: 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
      model: 'claude-sonnet-4-5-20250929',
      lineItem: 'tokens/uncached_input_tokens',
      position: 'data[0].results[0]',
    });
    expect(costs.map((row) => [row.position, row.amount, row.lineItem, row.model])).toEqual([
      ['data[0].results[0]', 1.2345, 'tokens/uncached_input_tokens', 'claude-sonnet-4-5-20250929'],
      ['data[0].results[1]', 27.9918745, 'tokens/output_tokens', 'claude-sonnet-4-5-20250929'],
      ['data[0].results[2]', 10, 'web_search', null],
      // Not grouped by description: only the description says what it was.
      ['data[1].results[0]', 0.005, 'Claude Haiku 4.5 Usage - Cache Read', null],
    ]);
  });

  it('divides exactly, where floating point would not', () => {
    const { costs } = parseWith(anthropicCostFormat, report([line({ amount: '0.3' }), line({ amount: '123456789.01' }), line({ amount: '-250' }), line({ amount: 45 }), line({ amount: '7', currency: 'eur' })]));
    expect(costs.map((row) => [row.amount, row.currency])).toEqual([
      [0.003, 'USD'],
      [1234567.8901, 'USD'],
      [-2.5, 'USD'],
      [0.45, 'USD'],
      [0.07, 'EUR'],
    ]);
  });

  it('is recognised, and not mistaken for the other reports', () => {
    expect(anthropicCostFormat.detect(headOf(fixture('anthropic-cost.json')))).toBe(true);
    for (const spec of [openAiUsageFormat, openAiCostsFormat, anthropicUsageFormat]) expect(spec.detect(headOf(fixture('anthropic-cost.json'))), spec.format).toBe(false);
    for (const other of ['anthropic-usage.json', 'anthropic-usage-flat-cache.json', 'openai-usage-two-pages.json', 'openai-costs.json', 'litellm-spend.json', 'litellm-spend.jsonl', 'litellm-spend.csv']) {
      expect(anthropicCostFormat.detect(headOf(fixture(other))), other).toBe(false);
    }
    expect(anthropicCostFormat.detect(OTLP_TRACE_HEAD)).toBe(false);
  });

  it('refuses bad input, saying where and what to do', () => {
    expect(errorOf(report([line({ amount: '$1.20' })]))).toMatchObject({ position: 'data[0].results[0]', message: 'amount should be an amount such as "123.45" (in cents), found "$1.20"' });
    expect(errorOf(report([line({ amount: '1e400' })])).message).toMatch(/^amount should be an amount/);
    expect(errorOf(report([line({ currency: null })])).message).toMatch(/^currency should be a currency code/);
    expect(errorOf(report([line({ model: 42 })])).message).toBe('model should be text or null, found 42');
    expect(errorOf(report([], { ending_at: undefined })).message).toMatch(/^the bucket has no ending_at/);
    expect(errorOf(fixture('anthropic-usage.json').toString()).message).toMatch(/this looks like an Anthropic usage report; import it as Anthropic usage/);
    expect(errorOf(report([line()]).slice(0, 130)).message).toMatch(/^the file ends in the middle of data\[0\]\.results\[0\]/);
  });
});
