import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UsageRow } from '../../../shared/usage';
import { detectLiteLlmSpendCsv, detectLiteLlmSpendJson } from './litellm-spend';
import { detectOtelGenAi, MAX_TRACE_SPANS, otelGenAiFormat } from './otel-genai';
import { inputErrorOf, parseWith } from './usage-test-helpers';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'fixtures', name));
const T1 = '5b8efff798038103d269b633813fc60c';
const T2 = '0af7651916cd43dd8448eb211c80319c';
const BASE = Date.UTC(2026, 10, 3, 10, 21, 7);
const byEvent = (rows: UsageRow[]) => [...rows].sort((a, b) => (a.eventId! < b.eventId! ? -1 : 1));
const withoutPosition = (rows: UsageRow[]) => rows.map(({ position: _, ...row }) => row);

type Attr = Record<string, unknown>;
const attrs = (values: Attr) => Object.entries(values).map(([key, value]) => ({ key, value }));
const ns = (ms: number) => String(BigInt(BASE + ms) * 1_000_000n);
function span(traceId: string, spanId: string, parentSpanId: string | undefined, attributes: Attr, extra: Attr = {}) {
  return { traceId, spanId, ...(parentSpanId ? { parentSpanId } : {}), name: 'x', startTimeUnixNano: ns(0), endTimeUnixNano: ns(10), attributes: attrs(attributes), ...extra };
}
const doc = (...spans: unknown[]) => ({ resourceSpans: [{ resource: { attributes: attrs({ 'service.name': { stringValue: 'svc' } }) }, scopeSpans: [{ scope: {}, spans }] }] });
const usage = (input: number, output = 0): Attr => ({ 'gen_ai.usage.input_tokens': { intValue: String(input) }, 'gen_ai.usage.output_tokens': { intValue: output } });
const parse = (value: unknown, chunk?: number) => parseWith(otelGenAiFormat, JSON.stringify(value, null, 1), chunk);

describe('OpenTelemetry GenAI traces', () => {
  it('counts the innermost spans with usage, inheriting the agent; the agent span and the tool span add nothing', () => {
    const { rows, warnings } = parseWith(otelGenAiFormat, fixture('otel-genai-traces.json'));
    expect(warnings).toEqual([]);
    expect(rows).toEqual([
      {
        provider: 'openai',
        layer: 'telemetry',
        startMs: BASE + 100,
        endMs: BASE + 1600,
        keyId: null,
        projectId: null,
        model: 'gpt-4o-2024-08-06',
        requests: 1,
        inputTokens: 200, // OpenAI's input includes the 1,000 cache reads
        cachedInputTokens: 1000,
        cacheWriteTokens: 0,
        cacheWrite1hTokens: 0,
        outputTokens: 150,
        reportedCostUsd: null,
        agentTag: 'asst_triage',
        featureTag: null,
        userTag: 'jane@example.com',
        sessionTag: 'conv_5j66UpCpwteGg4YSxUnt7lPY',
        serviceTag: 'support-agent-svc',
        eventId: `${T1}/a1b2c3d4e5f60701`,
        grouping: '',
        position: 'resourceSpans[0].scopeSpans[0].spans[0]',
      },
      expect.objectContaining({
        provider: 'anthropic',
        model: 'claude-sonnet-4-5',
        inputTokens: 300, // an older Anthropic instrumentation: its input (300) leaves the 5,800 cache tokens out
        cachedInputTokens: 5000,
        cacheWriteTokens: 800,
        cacheWrite1hTokens: 0,
        outputTokens: 420,
        agentTag: 'asst_triage',
        eventId: `${T1}/a1b2c3d4e5f60703`,
        position: 'resourceSpans[0].scopeSpans[0].spans[2]',
      }),
      expect.objectContaining({
        model: 'text-embedding-3-small',
        inputTokens: 64,
        outputTokens: 0,
        agentTag: null,
        sessionTag: 'sess-9',
        featureTag: 'search',
        eventId: `${T2}/b7ad6b7169203331`,
      }),
    ]);
  });

  it('reads JSON lines (a trace split over batches, its root last) and every chunk split to the same rows', () => {
    const expected = withoutPosition(byEvent(parseWith(otelGenAiFormat, fixture('otel-genai-traces.json')).rows));
    for (const step of [1, 7, undefined]) {
      expect(withoutPosition(byEvent(parseWith(otelGenAiFormat, fixture('otel-genai-traces.json'), step).rows))).toEqual(expected);
      const lines = parseWith(otelGenAiFormat, fixture('otel-genai-traces.jsonl'), step);
      expect(withoutPosition(byEvent(lines.rows))).toEqual(expected);
      expect(lines.rows.map((r) => r.position)).toEqual([
        'line 2, resourceSpans[0].scopeSpans[0].spans[1]', // trace 2 completes on line 2
        'line 1, resourceSpans[0].scopeSpans[0].spans[0]',
        'line 2, resourceSpans[0].scopeSpans[0].spans[0]',
      ]);
    }
  });

  it('reads the old attribute names (gen_ai.system, prompt_tokens, completion_tokens)', () => {
    const { rows } = parseWith(otelGenAiFormat, fixture('otel-genai-traces-old-names.json'));
    expect(rows.map((r) => [r.provider, r.inputTokens, r.outputTokens, r.agentTag])).toEqual([
      ['openai', 1200, 150, 'asst_triage'],
      ['anthropic', 300, 420, 'asst_triage'],
      ['openai', 64, 0, null],
    ]);
  });

  it('takes cache reads and writes out of an Anthropic span that follows the conventions (input includes them)', () => {
    const { rows } = parse(
      doc(
        span('t', 's', undefined, {
          'gen_ai.provider.name': { stringValue: 'anthropic' },
          ...usage(6100),
          'gen_ai.usage.cache_read.input_tokens': { intValue: 5000 },
          'gen_ai.usage.cache_creation.input_tokens': { intValue: 800 },
        }),
      ),
    );
    expect(rows.map((r) => [r.provider, r.inputTokens, r.cachedInputTokens, r.cacheWriteTokens])).toEqual([['anthropic', 300, 5000, 800]]);
  });

  it('names old az.ai.* providers as today, and takes cache reads out of Azure OpenAI input', () => {
    const { rows } = parse(
      doc(
        span('t', 's', undefined, { 'gen_ai.system': { stringValue: 'az.ai.openai' }, ...usage(100), 'gen_ai.usage.cache_read.input_tokens': { intValue: 60 } }),
        span('u', 's', undefined, usage(7)),
      ),
    );
    expect(rows.map((r) => [r.provider, r.inputTokens, r.cachedInputTokens])).toEqual([
      ['azure.ai.openai', 40, 60],
      ['unknown', 7, 0],
    ]);
  });

  it('counts a parent with usage when no descendant has any, and each innermost span in nested agents', () => {
    const { rows } = parse(
      doc(
        span('t', 'root', undefined, { 'gen_ai.operation.name': { stringValue: 'invoke_agent' }, 'gen_ai.agent.name': { stringValue: 'Planner' }, ...usage(900) }),
        span('t', 'sub', 'root', { 'gen_ai.agent.id': { stringValue: 'asst_sub' }, ...usage(500) }),
        span('t', 'c1', 'sub', usage(200)),
        span('t', 'c2', 'sub', usage(300)),
        span('t', 'c3', 'root', usage(400)),
        span('t', 'tool', 'root', { 'gen_ai.tool.name': { stringValue: 'search' } }),
        span('u', 'lonely-agent', undefined, { 'gen_ai.agent.name': { stringValue: 'Solo' }, ...usage(50) }),
      ),
    );
    expect(rows.map((r) => [r.eventId, r.inputTokens, r.agentTag])).toEqual([
      ['t/c1', 200, 'asst_sub'],
      ['t/c2', 300, 'asst_sub'],
      ['t/c3', 400, 'Planner'],
      ['u/lonely-agent', 50, 'Solo'],
    ]);
  });

  it('resolves traces that never send a root span at the end of the file', () => {
    const { rows } = parse(doc(span('t', 'c1', 'missing-parent', usage(10))));
    expect(rows.map((r) => r.eventId)).toEqual(['t/c1']);
  });

  it('warns about a span that comes after its trace was resolved', () => {
    const line1 = JSON.stringify(doc(span('t', 'root', undefined, usage(10))));
    const line2 = JSON.stringify(doc(span('t', 'late', 'root', usage(5))));
    const { rows, warnings } = parseWith(otelGenAiFormat, `${line1}\n${line2}\n`);
    expect(rows.map((r) => r.eventId)).toEqual(['t/root', 't/late']);
    expect(warnings).toEqual([['line 2, resourceSpans[0].scopeSpans[0].spans[0]', expect.stringContaining("comes after its trace's root span was read")]]);
  });

  describe('refuses bad input with the span and what to do', () => {
    const cases: [string, unknown, string, RegExp][] = [
      ['a span without traceId', doc({ spanId: 's', startTimeUnixNano: ns(0) }), 'resourceSpans[0].scopeSpans[0].spans[0]', /no traceId.*export the traces again/],
      ['a span without spanId', doc(span('t', 's', undefined, {}), { traceId: 't', startTimeUnixNano: ns(0) }), 'resourceSpans[0].scopeSpans[0].spans[1]', /no spanId/],
      ['a token count as a string value', doc(span('t', 's', undefined, { 'gen_ai.usage.input_tokens': { stringValue: '12' } })), 'resourceSpans[0].scopeSpans[0].spans[0]', /gen_ai.usage.input_tokens should be a whole number of tokens \(an intValue\), found stringValue "12"/],
      ['a fractional token count', doc(span('t', 's', undefined, { 'gen_ai.usage.output_tokens': { doubleValue: 1.5 } })), 'resourceSpans[0].scopeSpans[0].spans[0]', /found doubleValue 1.5/],
      ['a negative token count', doc(span('t', 's', undefined, usage(-3))), 'resourceSpans[0].scopeSpans[0].spans[0]', /zero or more tokens.*found -3/],
      ['an end before the start', doc(span('t', 's', undefined, usage(1), { endTimeUnixNano: ns(-5) })), 'resourceSpans[0].scopeSpans[0].spans[0]', /endTimeUnixNano .* is before startTimeUnixNano/],
      ['a time in milliseconds', doc(span('t', 's', undefined, usage(1), { startTimeUnixNano: String(BASE) })), 'resourceSpans[0].scopeSpans[0].spans[0]', /between 2000 and 2200 in nanoseconds/],
      ['attributes that are no list', doc(span('t', 's', undefined, {}, { attributes: { 'gen_ai.usage.input_tokens': 5 } })), 'resourceSpans[0].scopeSpans[0].spans[0].attributes', /should be a list of \{key, value\}/],
    ];
    for (const [name, value, position, message] of cases) {
      it(name, () => {
        for (const step of [7, undefined]) {
          const err = inputErrorOf(() => parse(value, step));
          expect(err.position).toBe(position);
          expect(err.message).toMatch(message);
        }
      });
    }

    it('a truncated document or line', () => {
      const text = fixture('otel-genai-traces.json').toString('utf8');
      const err = inputErrorOf(() => parseWith(otelGenAiFormat, text.slice(0, text.length / 2), 7));
      expect(err.message).toMatch(/the file ends in the middle of resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[\d\].*truncated: export it again/);
      const lines = fixture('otel-genai-traces.jsonl').toString('utf8');
      const err2 = inputErrorOf(() => parseWith(otelGenAiFormat, lines.slice(0, lines.length - 100)));
      expect(err2.position).toBe('line 3');
      expect(err2.message).toMatch(/truncated/);
    });

    it('a line that is not a trace export', () => {
      const err = inputErrorOf(() => parseWith(otelGenAiFormat, '{"resourceSpans": []}\n{"data": []}\n'));
      expect(err.position).toBe('line 2, resourceSpans');
      expect(err.message).toMatch(/expected an OTLP JSON trace export/);
    });

    it('a trace with more spans than the limit', () => {
      const spans = Array.from({ length: MAX_TRACE_SPANS + 1 }, (_, i) => ({ traceId: 't', spanId: `s${i}`, parentSpanId: 'never', startTimeUnixNano: ns(0) }));
      const err = inputErrorOf(() => parseWith(otelGenAiFormat, JSON.stringify(doc(...spans))));
      expect(err.message).toMatch(/trace t has more than 100,000 spans/);
    });
  });

  it('detects OTLP traces and nothing else', () => {
    const json = fixture('otel-genai-traces.json').toString('utf8');
    const lines = fixture('otel-genai-traces.jsonl').toString('utf8').slice(0, 300); // cut mid-value
    expect([detectOtelGenAi(json), detectOtelGenAi(lines)]).toEqual([true, true]);
    expect([detectLiteLlmSpendJson(json), detectLiteLlmSpendCsv(json), detectLiteLlmSpendJson(lines)]).toEqual([false, false, false]);
    expect(detectOtelGenAi(fixture('litellm-spend.json').toString('utf8'))).toBe(false);
    expect(detectOtelGenAi('{"object": "page", "data": []}')).toBe(false);
  });
});

describe('OTel detection against every other usage fixture', () => {
  it('claims only OTLP trace files', async () => {
    const { readdirSync } = await import('node:fs');
    for (const name of readdirSync(join(__dirname, 'fixtures'))) {
      const head = fixture(name).subarray(0, 64 * 1024).toString('utf8');
      expect(detectOtelGenAi(head), name).toBe(name.startsWith('otel-genai-'));
    }
  });

  it('refuses a 100 MB attribute value in a streamed document at the limit', () => {
    const parser = otelGenAiFormat.createParser({ row: () => undefined, cost: () => undefined, warn: () => undefined });
    const err = inputErrorOf(() => {
      parser.write(Buffer.from('{\n"resourceSpans": [{"scopeSpans": [{"spans": [{"traceId": "t", "spanId": "s", "name": "'));
      const chunk = Buffer.alloc(1024 * 1024, 'x');
      for (let i = 0; i < 100; i++) parser.write(chunk);
      parser.end();
    });
    expect(err.position).toBe('resourceSpans[0]');
    expect(err.message).toMatch(/runs past 64 Mi characters/);
  });
});
