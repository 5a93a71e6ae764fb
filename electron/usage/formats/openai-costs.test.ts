import { describe, expect, it } from 'vitest';
import { anthropicCostFormat } from './anthropic-cost';
import { anthropicUsageFormat } from './anthropic-usage';
import { modelOfLineItem, openAiCostsFormat } from './openai-costs';
import { openAiUsageFormat } from './openai-usage';
import { fixture, headOf, OTLP_TRACE_HEAD, parseEveryChunking } from './provider-report-test-kit';
import { inputErrorOf, parseWith } from './usage-test-helpers';

const NOV_1 = 1_761_955_200;
const DAY = 86_400;

function costPage(results: Record<string, unknown>[], more: Record<string, unknown> = {}): string {
  return JSON.stringify({ object: 'page', data: [{ object: 'bucket', start_time: NOV_1, end_time: NOV_1 + DAY, results }], has_more: false, next_page: null, ...more });
}

const cost = (overrides: Record<string, unknown> = {}) => ({
  object: 'organization.costs.result',
  amount: { value: 0.25, currency: 'usd' },
  line_item: 'gpt-4o-2024-08-06, input',
  project_id: 'proj_Hq3cTn7vZ1aXk2',
  ...overrides,
});
const errorOf = (text: string) => inputErrorOf(() => parseWith(openAiCostsFormat, text));

describe('OpenAI costs', () => {
  it('reads every line item as a cost in dollars, the same in every chunking', () => {
    const { rows, costs, warnings } = parseEveryChunking(openAiCostsFormat, fixture('openai-costs.json'));
    expect(rows).toEqual([]);
    expect(warnings).toEqual([]);
    expect(costs[0]).toEqual({
      provider: 'openai',
      startMs: NOV_1 * 1000,
      endMs: (NOV_1 + DAY) * 1000,
      amount: 0.4551,
      currency: 'USD',
      projectId: 'proj_Hq3cTn7vZ1aXk2',
      model: 'gpt-4o-2024-08-06',
      lineItem: 'gpt-4o-2024-08-06, input',
      position: 'data[0].results[0]',
    });
    expect(costs.map((row) => [row.position, row.model, row.amount, row.currency, row.projectId])).toEqual([
      ['data[0].results[0]', 'gpt-4o-2024-08-06', 0.4551, 'USD', 'proj_Hq3cTn7vZ1aXk2'],
      ['data[0].results[1]', 'gpt-4o-2024-08-06', 0.4121, 'USD', 'proj_Hq3cTn7vZ1aXk2'],
      ['data[0].results[2]', 'gpt-image-1', 0.03, 'USD', 'proj_Hq3cTn7vZ1aXk2'],
      ['data[0].results[3]', null, 0.006, 'USD', null],
      // Another currency passes through as the file says it.
      ['data[1].results[0]', null, 12.5, 'EUR', 'proj_Hq3cTn7vZ1aXk2'],
    ]);
  });

  it('finds the model only where a line item names one before its comma', () => {
    expect(modelOfLineItem('gpt-4o-2024-08-06, input')).toBe('gpt-4o-2024-08-06');
    expect(modelOfLineItem('gpt-4o-mini-2024-07-18, cached input')).toBe('gpt-4o-mini-2024-07-18');
    expect(modelOfLineItem('gpt-image-1 image, output')).toBe('gpt-image-1');
    expect(modelOfLineItem('o1, output')).toBe('o1');
    expect(modelOfLineItem('ft:gpt-4o-mini-2024-07-18:acme::9abcDEF, input')).toBe('ft:gpt-4o-mini-2024-07-18:acme::9abcDEF');
    expect(modelOfLineItem('whisper')).toBeNull();
    expect(modelOfLineItem('File search storage, vector stores')).toBeNull();
    expect(modelOfLineItem('Fine-tuning, training')).toBeNull();
    expect(modelOfLineItem(null)).toBeNull();
  });

  it('accepts an amount written as text, a credit, and an ungrouped result', () => {
    const { costs } = parseWith(openAiCostsFormat, costPage([cost({ amount: { value: '1.50', currency: 'usd' } }), cost({ amount: { value: -2, currency: 'usd' } }), { object: 'organization.costs.result', amount: { value: 3, currency: 'usd' }, line_item: null, project_id: null }]));
    expect(costs.map((row) => [row.amount, row.lineItem, row.model])).toEqual([
      [1.5, 'gpt-4o-2024-08-06, input', 'gpt-4o-2024-08-06'],
      [-2, 'gpt-4o-2024-08-06, input', 'gpt-4o-2024-08-06'],
      [3, null, null],
    ]);
  });

  it('warns when the last page says more pages follow', () => {
    const { warnings } = parseWith(openAiCostsFormat, costPage([cost()], { has_more: true, next_page: 'page_AAAA' }));
    expect(warnings.map(([position]) => position)).toEqual(['page 1']);
  });

  it('is recognised, and not mistaken for the other reports', () => {
    expect(openAiCostsFormat.detect(headOf(fixture('openai-costs.json')))).toBe(true);
    expect(openAiCostsFormat.detect(costPage([cost()]).slice(0, 190))).toBe(true);
    for (const spec of [openAiUsageFormat, anthropicUsageFormat, anthropicCostFormat]) expect(spec.detect(headOf(fixture('openai-costs.json'))), spec.format).toBe(false);
    for (const other of ['openai-usage-two-pages.json', 'anthropic-usage.json', 'anthropic-cost.json', 'litellm-spend.json', 'litellm-spend.jsonl', 'litellm-spend.csv']) {
      expect(openAiCostsFormat.detect(headOf(fixture(other))), other).toBe(false);
    }
    expect(openAiCostsFormat.detect(OTLP_TRACE_HEAD)).toBe(false);
  });

  it('refuses what is no cost, saying where', () => {
    expect(errorOf(costPage([cost({ amount: 5 })]))).toMatchObject({ position: 'data[0].results[0]', message: expect.stringMatching(/^amount should be an object/) });
    expect(errorOf(costPage([cost({ amount: { value: 'five', currency: 'usd' } })])).message).toBe('amount.value should be an amount such as 1.25, found "five"');
    expect(errorOf(costPage([cost({ amount: { value: 1 } })])).message).toMatch(/^amount.currency should be a currency code/);
    expect(errorOf(costPage([cost({ amount: { value: 1e13, currency: 'usd' } })])).message).toMatch(/larger amounts are corrupt/);
    expect(errorOf(fixture('openai-usage-two-pages.json').toString()).message).toMatch(/this is an OpenAI usage export .* import it as OpenAI usage/);
    expect(errorOf(costPage([cost()]).slice(0, 150)).message).toMatch(/^the file ends in the middle of data\[0\]\.results\[0\]/);
    expect(errorOf(costPage([cost()], { has_more: true })).message).toMatch(/^the page is malformed/);
  });
});
