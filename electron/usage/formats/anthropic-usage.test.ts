import { describe, expect, it } from 'vitest';
import { anthropicCostFormat } from './anthropic-cost';
import { anthropicUsageFormat } from './anthropic-usage';
import { openAiCostsFormat } from './openai-costs';
import { openAiUsageFormat } from './openai-usage';
import { fixture, headOf, OTLP_TRACE_HEAD, parseEveryChunking } from './provider-report-test-kit';
import { inputErrorOf, parseWith } from './usage-test-helpers';

const NOV_1_MS = Date.UTC(2025, 10, 1);
const DAY_MS = 86_400_000;

type Json = Record<string, unknown>;

const result = (overrides: Json = {}): Json => ({
  uncached_input_tokens: 1500,
  cache_creation: { ephemeral_1h_input_tokens: 1000, ephemeral_5m_input_tokens: 500 },
  cache_read_input_tokens: 200,
  output_tokens: 500,
  server_tool_use: { web_search_requests: 10 },
  api_key_id: null,
  workspace_id: null,
  model: null,
  service_tier: null,
  context_window: null,
  ...overrides,
});

function report(results: Json[], bucket: Json = {}, more: Json = {}): string {
  return JSON.stringify({ data: [{ starting_at: '2025-11-01T00:00:00Z', ending_at: '2025-11-02T00:00:00Z', results, ...bucket }], has_more: false, next_page: null, ...more });
}

const errorOf = (text: string | Buffer) => inputErrorOf(() => parseWith(anthropicUsageFormat, text));

describe('Anthropic usage report', () => {
  it('reads the nested cache writes, 5-minute and 1-hour summed, the same in every chunking', () => {
    const { rows, costs, warnings } = parseEveryChunking(anthropicUsageFormat, fixture('anthropic-usage.json'));
    expect(costs).toEqual([]);
    expect(warnings).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      provider: 'anthropic',
      layer: 'provider',
      startMs: NOV_1_MS,
      endMs: NOV_1_MS + DAY_MS,
      keyId: 'apikey_01Rj2N8SVvo6BePZj99NhmiT',
      projectId: 'wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ',
      model: 'claude-sonnet-4-5-20250929',
      // The report counts no requests; nothing is invented.
      requests: 0,
      // Already uncached: taken as it stands.
      inputTokens: 12_000,
      cachedInputTokens: 88_000,
      cacheWriteTokens: 4000 + 1500,
      // The 1-hour part, priced above the 5-minute writes.
      cacheWrite1hTokens: 1500,
      outputTokens: 3100,
      reportedCostUsd: null,
      agentTag: null,
      featureTag: null,
      userTag: null,
      sessionTag: null,
      serviceTag: null,
      eventId: null,
      grouping: 'api_key_id,workspace_id,model,service_tier,context_window',
      position: 'data[0].results[0]',
    });
    expect(rows[1]).toMatchObject({ projectId: null, cacheWriteTokens: 0, position: 'data[0].results[1]' });
  });

  it('reads flattened cache fields as the nested ones', () => {
    const nested = parseWith(anthropicUsageFormat, fixture('anthropic-usage.json')).rows;
    const flat = parseEveryChunking(anthropicUsageFormat, fixture('anthropic-usage-flat-cache.json')).rows;
    expect(flat).toEqual(nested);
  });

  it('reads an older single cache-write total, and a result without cache fields', () => {
    const rows = parseWith(anthropicUsageFormat, report([result({ cache_creation: undefined, cache_creation_input_tokens: 700 }), result({ cache_creation: null, cache_read_input_tokens: undefined })])).rows;
    expect(rows.map((row) => [row.cacheWriteTokens, row.cachedInputTokens])).toEqual([
      [700, 200],
      [0, 0],
    ]);
  });

  it('counts newer grouping fields (inference geo, speed, accounts) in grouping', () => {
    const rows = parseWith(anthropicUsageFormat, report([result({ model: 'claude-opus-4-1', inference_geo: 'us' }), result({ account_id: 'user_01' })])).rows;
    expect(rows.map((row) => row.grouping)).toEqual(['model,inference_geo,account_id', 'model,inference_geo,account_id']);
    expect(parseWith(anthropicUsageFormat, report([result()])).rows[0]!.grouping).toBe('');
  });

  it('accepts unix seconds for bucket bounds, and warns when more pages follow', () => {
    const { rows, warnings } = parseWith(anthropicUsageFormat, report([result()], { starting_at: NOV_1_MS / 1000, ending_at: String(NOV_1_MS / 1000 + 3600) }, { has_more: true, next_page: 'page_MjAyNS0wNS0xNFQwMDowMDowMFo=' }));
    expect(rows[0]).toMatchObject({ startMs: NOV_1_MS, endMs: NOV_1_MS + 3_600_000 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]![1]).toMatch(/import them too/);
  });

  it('is recognised, and not mistaken for the other reports', () => {
    expect(anthropicUsageFormat.detect(headOf(fixture('anthropic-usage.json')))).toBe(true);
    expect(anthropicUsageFormat.detect(headOf(fixture('anthropic-usage-flat-cache.json')))).toBe(true);
    for (const spec of [openAiUsageFormat, openAiCostsFormat, anthropicCostFormat]) {
      expect(spec.detect(headOf(fixture('anthropic-usage.json'))), spec.format).toBe(false);
      expect(spec.detect(headOf(fixture('anthropic-usage-flat-cache.json'))), spec.format).toBe(false);
    }
    for (const other of ['anthropic-cost.json', 'openai-usage-two-pages.json', 'openai-costs.json', 'litellm-spend.json', 'litellm-spend.jsonl', 'litellm-spend.csv']) {
      expect(anthropicUsageFormat.detect(headOf(fixture(other))), other).toBe(false);
    }
    expect(anthropicUsageFormat.detect(OTLP_TRACE_HEAD)).toBe(false);
  });

  it('refuses bad input, saying where and what to do', () => {
    expect(errorOf(report([result({ uncached_input_tokens: -1 })]))).toMatchObject({ position: 'data[0].results[0]', message: 'uncached_input_tokens should be zero or more tokens, found -1' });
    expect(errorOf(report([result({ output_tokens: '12k' })])).message).toBe('output_tokens should be a whole number of tokens, found "12k"');
    expect(errorOf(report([result({ cache_read_input_tokens: 0.5 })])).message).toMatch(/^cache_read_input_tokens should be a whole number/);
    expect(errorOf(report([result({ cache_creation: { ephemeral_5m_input_tokens: 1e16 } })])).message).toMatch(/^cache_creation.ephemeral_5m_input_tokens should be at most 1e\+15 tokens/);
    expect(errorOf(report([result({ cache_creation: 12 })])).message).toMatch(/^cache_creation should be an object/);
    expect(errorOf(report([result({ uncached_input_tokens: undefined })])).message).toMatch(/^the result has no uncached_input_tokens; every usage result carries it/);
    expect(errorOf(report([], { starting_at: undefined }))).toMatchObject({ position: 'data[0]', message: expect.stringMatching(/^the bucket has no starting_at/) });
    expect(errorOf(report([], { ending_at: '2025-10-31T00:00:00Z' })).message).toBe('ending_at "2025-10-31T00:00:00Z" is before starting_at "2025-11-01T00:00:00Z": a bucket must end after it starts');
    expect(errorOf(report([], { starting_at: 'Nov 1, 2025' })).message).toBe('starting_at should be unix seconds or an RFC 3339 time such as 2025-08-01T00:00:00Z, found "Nov 1, 2025"');
    expect(errorOf(report([], {}, { has_more: true, next_page: null })).message).toMatch(/^the page is malformed: it says has_more: true but its next_page is null/);
    expect(errorOf(fixture('anthropic-cost.json')).message).toMatch(/this looks like an Anthropic cost report; import it as Anthropic cost/);
    const whole = fixture('anthropic-usage.json').toString();
    expect(errorOf(whole.slice(0, whole.indexOf('"ephemeral_5m_input_tokens"') + 10)).message).toBe(
      'the file ends in the middle of data[0].results[0].cache_creation; it may be truncated: export it again',
    );
  });
});
