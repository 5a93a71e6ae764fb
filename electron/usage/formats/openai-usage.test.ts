import { describe, expect, it } from 'vitest';
import { anthropicCostFormat } from './anthropic-cost';
import { anthropicUsageFormat } from './anthropic-usage';
import { openAiCostsFormat } from './openai-costs';
import { openAiUsageFormat } from './openai-usage';
import { fixture, headOf, OTLP_TRACE_HEAD, parseEveryChunking } from './provider-report-test-kit';
import { inputErrorOf, parseWith } from './usage-test-helpers';

const DAY = 86_400;
const NOV_1 = 1_761_955_200; // 2025-11-01T00:00:00Z

type Json = Record<string, unknown>;

function result(overrides: Json = {}): Json {
  return {
    object: 'organization.usage.completions.result',
    input_tokens: 1000,
    output_tokens: 500,
    input_cached_tokens: 800,
    input_audio_tokens: 0,
    output_audio_tokens: 0,
    num_model_requests: 5,
    project_id: null,
    user_id: null,
    api_key_id: null,
    model: null,
    batch: null,
    service_tier: null,
    ...overrides,
  };
}

function bucket(results: Json[], start = NOV_1, end: unknown = start + DAY): Json {
  return { object: 'bucket', start_time: start, end_time: end, results };
}

function page(buckets: Json[], more: { has_more?: unknown; next_page?: unknown } = {}): Json {
  return { object: 'page', data: buckets, has_more: false, next_page: null, ...more };
}

const parse = (input: string | Buffer) => parseWith(openAiUsageFormat, input);
const errorOf = (input: string | Buffer) => inputErrorOf(() => parse(input));
const onePage = (...results: Json[]) => JSON.stringify(page([bucket(results)]));

describe('OpenAI completions usage', () => {
  it('reads two saved pages, one per line, the same in 1-byte, 7-byte and whole chunks', () => {
    const { rows, costs, warnings } = parseEveryChunking(openAiUsageFormat, fixture('openai-usage-two-pages.json'));
    expect(costs).toEqual([]);
    expect(warnings).toEqual([]);
    expect(rows.map((row) => row.position)).toEqual(['data[0].results[0]', 'data[0].results[1]', 'data[1].results[0]', 'page 2, data[0].results[0]']);
    expect(rows[0]).toEqual({
      provider: 'openai',
      layer: 'provider',
      startMs: NOV_1 * 1000,
      endMs: (NOV_1 + DAY) * 1000,
      keyId: 'key_3QRCYbJRFQ0G4ycm',
      projectId: 'proj_Hq3cTn7vZ1aXk2',
      model: 'gpt-4o-2024-08-06',
      requests: 57,
      inputTokens: 182_340 - 120_064,
      cachedInputTokens: 120_064,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      outputTokens: 41_210,
      reportedCostUsd: null,
      agentTag: null,
      featureTag: null,
      userTag: null,
      sessionTag: null,
      serviceTag: null,
      eventId: null,
      grouping: 'project_id,api_key_id,model',
      position: 'data[0].results[0]',
    });
  });

  it('takes cached reads and cache writes out of input_tokens, which counts both', () => {
    const last = parse(fixture('openai-usage-two-pages.json')).rows[3]!;
    expect(last).toMatchObject({ inputTokens: 7000 - 1024 - 2048, cachedInputTokens: 1024, cacheWriteTokens: 2048, outputTokens: 1500 });
  });

  it('says an ungrouped report is ungrouped, and an empty bucket gives no row', () => {
    const { rows } = parseEveryChunking(openAiUsageFormat, fixture('openai-usage-ungrouped.json'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ grouping: '', keyId: null, projectId: null, model: null, inputTokens: 200, cachedInputTokens: 800, requests: 5 });
  });

  it('names the grouping fields any result of the bucket fills, in a stable order', () => {
    const text = onePage(result({ model: 'gpt-4o', batch: false }), result({ model: 'gpt-4o-mini', user_id: 'user-abc', service_tier: 'default' }));
    expect(parse(text).rows.map((row) => row.grouping)).toEqual(['user_id,model,batch,service_tier', 'user_id,model,batch,service_tier']);
  });

  it('reads a JSON list of pages and pages written back to back, numbering every page of a list', () => {
    const first = page([bucket([result({ model: 'gpt-4o' })])], { has_more: true, next_page: 'page_b' });
    const second = page([bucket([result({ model: 'o1' })], NOV_1 + DAY)]);
    const listed = parseEveryChunking(openAiUsageFormat, JSON.stringify([first, second]));
    expect(listed.rows.map((row) => [row.position, row.model])).toEqual([
      ['page 1, data[0].results[0]', 'gpt-4o'],
      ['page 2, data[0].results[0]', 'o1'],
    ]);
    const backToBack = parseEveryChunking(openAiUsageFormat, JSON.stringify(first) + JSON.stringify(second));
    expect(backToBack.rows.map((row) => row.position)).toEqual(['data[0].results[0]', 'page 2, data[0].results[0]']);
    expect(backToBack.warnings).toEqual([]);
  });

  it('reads the `result` list the API reference names, and a BOM before the page', () => {
    const text = `\uFEFF${JSON.stringify({ object: 'page', data: [{ object: 'bucket', start_time: NOV_1, end_time: NOV_1 + DAY, result: [result()] }], has_more: false, next_page: null })}`;
    expect(parse(text).rows).toHaveLength(1);
  });

  it('accepts bucket bounds as unix seconds, seconds written as text, or RFC 3339', () => {
    const text = JSON.stringify(page([bucket([result()], String(NOV_1) as never, '2025-11-02T00:00:00Z'), bucket([result()], NOV_1, '2025-11-01T01:00:00+01:00')]));
    const rows = parse(text).rows;
    expect(rows.map((row) => [row.startMs, row.endMs])).toEqual([
      [NOV_1 * 1000, (NOV_1 + DAY) * 1000],
      [NOV_1 * 1000, NOV_1 * 1000],
    ]);
  });

  it('emits duplicate buckets as they are (de-duplication happens after import), and unknown models', () => {
    const twice = bucket([result({ model: 'gpt-9-experimental' })]);
    const rows = parse(JSON.stringify(page([twice, twice]))).rows;
    expect(rows.map((row) => [row.position, row.model])).toEqual([
      ['data[0].results[0]', 'gpt-9-experimental'],
      ['data[1].results[0]', 'gpt-9-experimental'],
    ]);
  });

  it('warns when the last page says more pages follow', () => {
    const { rows, warnings } = parse(JSON.stringify(page([bucket([result()])], { has_more: true, next_page: 'page_AAAAAGdGxdEiJdKO' })));
    expect(rows).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]![0]).toBe('page 1');
    expect(warnings[0]![1]).toMatch(/more pages follow.*import them too/);
  });

  describe('detection', () => {
    it('recognises its own exports, compact or pretty', () => {
      expect(openAiUsageFormat.detect(headOf(fixture('openai-usage-two-pages.json')))).toBe(true);
      expect(openAiUsageFormat.detect(headOf(fixture('openai-usage-ungrouped.json')))).toBe(true);
      // Cut in the middle of a value, as a 64 KB head of a large file is.
      expect(openAiUsageFormat.detect(onePage(result()).slice(0, 200))).toBe(true);
    });

    it('and only them', () => {
      expect(openAiCostsFormat.detect(headOf(fixture('openai-usage-two-pages.json')))).toBe(false);
      expect(anthropicUsageFormat.detect(headOf(fixture('openai-usage-two-pages.json')))).toBe(false);
      expect(anthropicCostFormat.detect(headOf(fixture('openai-usage-two-pages.json')))).toBe(false);
      for (const other of ['openai-costs.json', 'anthropic-usage.json', 'anthropic-usage-flat-cache.json', 'anthropic-cost.json', 'litellm-spend.json', 'litellm-spend.jsonl', 'litellm-spend.csv']) {
        expect(openAiUsageFormat.detect(headOf(fixture(other))), other).toBe(false);
      }
      expect(openAiUsageFormat.detect(OTLP_TRACE_HEAD)).toBe(false);
      expect(openAiUsageFormat.detect('start_time,end_time,start_time_iso,end_time_iso,input_tokens,num_model_requests\n')).toBe(false);
    });
  });

  describe('refuses bad input with where and what to do', () => {
    it('a truncated file, at its end', () => {
      const whole = fixture('openai-usage-two-pages.json').toString('utf8');
      const cut = whole.slice(0, whole.indexOf('"output_tokens": 2301'));
      const error = errorOf(cut);
      expect(error.position).toBe('data[0].results[1]');
      expect(error.message).toBe('the file ends in the middle of data[0].results[1]; it may be truncated: export it again');
      // Inside a string or a number too, whatever the chunking.
      for (const end of [whole.indexOf('gpt-4o-mini') + 3, whole.indexOf('9120') + 2]) {
        for (const chunk of [1, 7, undefined]) {
          const inner = inputErrorOf(() => parseWith(openAiUsageFormat, whole.slice(0, end), chunk));
          expect(inner.message).toMatch(/^the file ends in the middle of data\[0\]\.results\[1\](\.model)?; it may be truncated: export it again$/);
        }
      }
    });

    it('a truncated list of pages, or a page cut before its end', () => {
      const first = JSON.stringify(page([bucket([result()])], { has_more: true, next_page: 'page_b' }));
      expect(errorOf(`[${first},`)).toMatchObject({ position: 'after page 1', message: 'the file ends in the middle of the list of pages; it may be truncated: export it again' });
      expect(errorOf(`${first}\n{"object":"page","data":[]`)).toMatchObject({ position: 'page 2', message: 'the file ends in the middle of page 2; it may be truncated: export it again' });
      expect(errorOf('{"object":"page","data":[],"has_more":tr').message).toBe('the file ends in the middle of has_more; it may be truncated: export it again');
    });

    it('a page that says more pages follow but gives no cursor', () => {
      for (const cursor of [null, undefined, '']) {
        const error = errorOf(JSON.stringify(page([bucket([result()])], { has_more: true, next_page: cursor })));
        expect(error.position).toBe('page 1');
        expect(error.message).toMatch(/^the page is malformed: it says has_more: true but its next_page is/);
      }
    });

    it('token counts that are negative, not numbers, not whole or absurd', () => {
      const cases: [Json, RegExp][] = [
        [{ output_tokens: -5 }, /^output_tokens should be zero or more tokens, found -5$/],
        [{ input_tokens: 'lots' }, /^input_tokens should be a whole number of tokens, found "lots"$/],
        [{ num_model_requests: 2.5 }, /^num_model_requests should be a whole number of tokens, found 2\.5$/],
        [{ input_tokens: 2e15 }, /^input_tokens should be at most 1e\+15 tokens/],
        [{ input_cached_tokens: true }, /^input_cached_tokens should be a whole number of tokens, found true$/],
        [{ output_tokens: null }, /^the result has no output_tokens/],
      ];
      for (const [fields, message] of cases) {
        const error = errorOf(onePage(result(fields)));
        expect(error.position).toBe('data[0].results[0]');
        expect(error.message).toMatch(message);
      }
    });

    it('more cached tokens than input tokens', () => {
      const error = errorOf(onePage(result({ input_tokens: 100, input_cached_tokens: 150 })));
      expect(error.message).toMatch(/^input_cached_tokens \(150\) is more than input_tokens \(100\): OpenAI's input_tokens includes cached tokens/);
    });

    it('a bucket without its start or end, ending before it starts, or with a time in no known form', () => {
      const noStart = { object: 'bucket', end_time: NOV_1, results: [] };
      expect(errorOf(JSON.stringify(page([bucket([]), noStart])))).toMatchObject({ position: 'data[1]', message: expect.stringMatching(/^the bucket has no start_time/) });
      expect(errorOf(JSON.stringify(page([bucket([], NOV_1, null)]))).message).toMatch(/^the bucket has no end_time/);
      expect(errorOf(JSON.stringify(page([bucket([], NOV_1, NOV_1 - 60)]))).message).toBe(
        `end_time ${NOV_1 - 60} is before start_time ${NOV_1}: a bucket must end after it starts`,
      );
      expect(errorOf(JSON.stringify(page([bucket([], 'yesterday' as never)]))).message).toBe(
        'start_time should be unix seconds or an RFC 3339 time such as 2025-08-01T00:00:00Z, found "yesterday"',
      );
      expect(errorOf(JSON.stringify(page([bucket([], NOV_1 * 1000)]))).message).toMatch(/unix seconds, not milliseconds/);
      expect(errorOf(JSON.stringify(page([bucket([], '2025-02-30T00:00:00Z' as never)]))).message).toMatch(/^start_time should be unix seconds or an RFC 3339/);
    });

    it('cuts long text from the file to about 80 characters in messages', () => {
      const error = errorOf(onePage(result({ input_tokens: 'x'.repeat(5000) })));
      expect(error.message.length).toBeLessThan(160);
      expect(error.message).toContain('…');
    });

    it('the other OpenAI report, and files that are no report', () => {
      expect(errorOf(fixture('openai-costs.json')).message).toMatch(/this is an OpenAI costs export .* import it as OpenAI costs/);
      expect(errorOf(onePage(result({ object: 'organization.usage.embeddings.result' }))).message).toMatch(/only \/v1\/organization\/usage\/completions is read/);
      expect(errorOf('')).toMatchObject({ position: 'start of file', message: expect.stringMatching(/^the file is empty/) });
      expect(errorOf('{"object":"page","has_more":false}').message).toMatch(/^the page has no "data" list of buckets/);
      expect(errorOf('{"object":"page","data":{}}').message).toMatch(/^"data" should be the list of buckets/);
      expect(errorOf('{"object":"page","data":[1]}').message).toMatch(/^each element of "data" should be a bucket object, found 1/);
      expect(errorOf(JSON.stringify(page([{ start_time: NOV_1, end_time: NOV_1 + DAY }]))).message).toMatch(/^the bucket should have a "results" list, found nothing/);
      expect(errorOf('"usage"')).toMatchObject({ position: 'start of file', message: expect.stringMatching(/^expected an OpenAI completions usage export/) });
      const garbage = errorOf('{"object":"page","data":[{"start_time": 17619552OO}]}');
      expect(garbage.position).toBe('data[0]');
      expect(garbage.message).toMatch(/^this is not valid JSON here/);
      expect(errorOf('{"data":[]} trailing').message).toMatch(/not valid JSON/);
      expect(errorOf('[{"data":[]}] {"data":[]}').message).toMatch(/^expected the end of the file after the list of pages/);
      expect(errorOf('{"data" 1}').message).toMatch(/^expected ":"/);
    });
  });
});
