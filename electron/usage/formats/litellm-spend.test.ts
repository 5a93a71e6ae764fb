import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLiteLlmSpendCsv, detectLiteLlmSpendJson, liteLlmSpendCsvFormat, liteLlmSpendJsonFormat } from './litellm-spend';
import { inputErrorOf, parseWith } from './usage-test-helpers';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, 'fixtures', name));
const csv = (text: string) => parseWith(liteLlmSpendCsvFormat, text);
const HEADER = 'request_id,api_key,spend,prompt_tokens,completion_tokens,total_tokens,startTime,endTime,custom_llm_provider,metadata';

describe('LiteLLM spend logs as CSV', () => {
  it('reads the fixture: keys, teams, tags, cache tokens taken out of prompt_tokens, failures counted', () => {
    const { rows, warnings } = parseWith(liteLlmSpendCsvFormat, fixture('litellm-spend.csv'));
    expect(warnings).toEqual([]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      provider: 'openai',
      layer: 'gateway',
      startMs: Date.UTC(2026, 10, 3, 10, 21, 7, 123),
      endMs: Date.UTC(2026, 10, 3, 10, 21, 9, 456),
      keyId: '88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b',
      projectId: 'team-support',
      model: 'gpt-4o-mini',
      requests: 1,
      inputTokens: 276,
      cachedInputTokens: 1024,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      outputTokens: 240,
      reportedCostUsd: 0.00201,
      agentTag: 'triage-bot',
      featureTag: 'ticket-summary',
      userTag: 'u-4471',
      sessionTag: 'sess-01',
      serviceTag: 'triage-bot-prod',
      eventId: 'chatcmpl-9f3a1c2b7d',
      grouping: '',
      position: 'line 2',
    });
    // Anthropic through LiteLLM: prompt_tokens = input + cache writes + cache reads.
    expect(rows[1]).toMatchObject({
      provider: 'anthropic',
      startMs: Date.UTC(2026, 10, 3, 10, 22, 0),
      endMs: Date.UTC(2026, 10, 3, 10, 22, 4, 500),
      inputTokens: 150,
      cachedInputTokens: 5000,
      cacheWriteTokens: 1500,
      cacheWrite1hTokens: 0,
      agentTag: 'research-agent',
      featureTag: 'deep-research',
      userTag: 'customer-42',
      sessionTag: null,
      serviceTag: 'research-agent',
      position: 'line 3',
    });
    // A failed call: still one request; no zone means UTC; tags from spend_logs_metadata.
    expect(rows[2]).toMatchObject({
      provider: 'azure',
      requests: 1,
      inputTokens: 120,
      reportedCostUsd: 0,
      projectId: null,
      startMs: Date.UTC(2026, 10, 3, 10, 23, 0),
      agentTag: 'triage-bot',
      sessionTag: 'sess-02',
      position: 'line 4',
    });
  });

  it('gives the same rows whatever the chunk split', () => {
    const bytes = fixture('litellm-spend.csv');
    const whole = parseWith(liteLlmSpendCsvFormat, bytes).rows;
    expect(parseWith(liteLlmSpendCsvFormat, bytes, 1).rows).toEqual(whole);
    expect(parseWith(liteLlmSpendCsvFormat, bytes, 7).rows).toEqual(whole);
  });

  it('accepts columns in any order, extra columns, and names in another case', () => {
    const { rows } = csv('extra,STARTTIME,Request_ID,completion_tokens\nx,1762165267,r1,5\n');
    expect(rows[0]).toMatchObject({ eventId: 'r1', startMs: 1762165267000, endMs: 1762165267000, outputTokens: 5, provider: 'unknown', reportedCostUsd: null });
  });

  it('reads spend written with an exponent, as Python and Postgres write small floats', () => {
    const { rows } = csv('request_id,startTime,prompt_tokens,spend\nr1,2026-11-03T10:00:00Z,1,1.5e-05\nr2,2026-11-03T10:00:00Z,1,.25\n');
    expect(rows.map((r) => r.reportedCostUsd)).toEqual([0.000015, 0.25]);
  });

  it('accepts epoch milliseconds and offsets, and emits duplicate request_ids (dedupe is later)', () => {
    const { rows } = csv('request_id,startTime,endTime,prompt_tokens\nr1,1762165267123,2026-11-03T10:21:08+01:00,1\nr1,2026-11-03T09:21:07.5-00:30,2026-11-03 10:30:00+0000,2\n');
    expect(rows.map((r) => [r.eventId, r.startMs, r.endMs])).toEqual([
      ['r1', 1762165267123, Date.UTC(2026, 10, 3, 9, 21, 8)],
      ['r1', Date.UTC(2026, 10, 3, 9, 51, 7, 500), Date.UTC(2026, 10, 3, 10, 30)],
    ]);
  });

  it('warns about a metadata cell that is not valid JSON and keeps the row', () => {
    const { rows, warnings } = csv(`${HEADER}\nr1,k,0.1,10,2,12,2026-11-03T10:00:00Z,,openai,"{""user_api_key_alias"": ""bot"", ""usage_ob"\n`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ serviceTag: null, inputTokens: 10 });
    expect(warnings).toEqual([['line 2', expect.stringContaining('metadata is not a JSON object (found "{\\"user_api_key_alias\\"')]]);
  });

  it('counts repeated warnings after the first few', () => {
    const lines = Array.from({ length: 8 }, (_, i) => `r${i},k,0,1,1,2,2026-11-03T10:00:00Z,,openai,{broken`);
    const { rows, warnings } = csv(`${HEADER}\n${lines.join('\n')}\n`);
    expect(rows).toHaveLength(8);
    expect(warnings).toHaveLength(6);
    expect(warnings[5]).toEqual(['whole file', '3 more rows have metadata that is not a JSON object (left out)']);
  });

  describe('refuses bad input with the line and what to do', () => {
    const cases: [string, string, string, RegExp][] = [
      ['a row with more cells than the header', `${HEADER}\nr1,k,0,1,1,2,2026-11-03T10:00:00Z,,openai,{},extra\n`, 'line 2', /has 11 cells but the header has 10 columns/],
      ['a row with fewer cells', `${HEADER}\nr1,k,0,1\n`, 'line 2', /has 4 cells but the header has 10/],
      ['an unclosed quote', `${HEADER}\nr1,k,0,1,1,2,2026-11-03T10:00:00Z,,openai,"{\nr2,k\n`, 'line 2', /ends before its closing quote.*truncated/],
      ['negative tokens', `${HEADER}\nr1,k,0,-5,1,2,2026-11-03T10:00:00Z,,openai,{}\n`, 'line 2', /prompt_tokens should be zero or more tokens, found "-5"/],
      ['non-numeric tokens', `${HEADER}\nr1,k,0,lots,1,2,2026-11-03T10:00:00Z,,openai,{}\n`, 'line 2', /prompt_tokens should be a whole number of tokens, found "lots"/],
      ['negative spend', `${HEADER}\nr1,k,-0.5,1,1,2,2026-11-03T10:00:00Z,,openai,{}\n`, 'line 2', /spend should be zero or more USD, found "-0.5"/],
      ['non-numeric spend', `${HEADER}\nr1,k,$0.50,1,1,2,2026-11-03T10:00:00Z,,openai,{}\n`, 'line 2', /spend should be an amount in USD such as 0.0125, found "\$0.50"/],
      ['a missing request_id', `${HEADER}\n,k,0,1,1,2,2026-11-03T10:00:00Z,,openai,{}\n`, 'line 2', /no request_id/],
      ['a missing startTime', `${HEADER}\nr1,k,0,1,1,2,,,openai,{}\n`, 'line 2', /no startTime/],
      ['a timestamp of another form', `${HEADER}\nr1,k,0,1,1,2,03/11/2026 10:00,,openai,{}\n`, 'line 2', /startTime should be an ISO 8601 time .* found "03\/11\/2026 10:00"/],
      ['an impossible date', `${HEADER}\nr1,k,0,1,1,2,2026-02-30T10:00:00Z,,openai,{}\n`, 'line 2', /found "2026-02-30T10:00:00Z"/],
      ['an end before the start', `${HEADER}\nr1,k,0,1,1,2,2026-11-03T10:00:00Z,2026-11-03T09:00:00Z,openai,{}\n`, 'line 2', /endTime "2026-11-03T09:00:00Z" is before startTime/],
      ['a header without request_id', 'id,startTime,prompt_tokens\nr1,2026-11-03T10:00:00Z,1\n', 'line 1', /header has no request_id/],
      ['a header without token columns', 'request_id,startTime,spend\nr1,2026-11-03T10:00:00Z,1\n', 'line 1', /no a token column/],
      ['an empty file', '', 'line 1', /file is empty/],
    ];
    for (const [name, text, position, message] of cases) {
      it(name, () => {
        const err = inputErrorOf(() => csv(text));
        expect(err.position).toBe(position);
        expect(err.message).toMatch(message);
      });
    }

    it('cuts long values in messages', () => {
      const err = inputErrorOf(() => csv(`${HEADER}\nr1,k,0,1,1,2,${'x'.repeat(500)},,openai,{}\n`));
      expect(err.message.length).toBeLessThan(400);
      expect(err.message).toContain('…');
    });

    it('refuses a 50 MB cell at the limit instead of holding it', () => {
      const parser = liteLlmSpendCsvFormat.createParser({ row: () => undefined, cost: () => undefined, warn: () => undefined });
      const err = inputErrorOf(() => {
        parser.write(Buffer.from(`${HEADER}\nr1,k,0,1,1,2,2026-11-03T10:00:00Z,,openai,"`));
        const chunk = Buffer.alloc(1024 * 1024, 'x');
        for (let i = 0; i < 50; i++) parser.write(chunk);
        parser.end();
      });
      expect(err.position).toBe('line 2');
      expect(err.message).toMatch(/runs past 16 Mi characters without its closing quote/);
    });
  });
});

describe('LiteLLM spend logs as JSON', () => {
  const expected = parseWith(liteLlmSpendCsvFormat, fixture('litellm-spend.csv')).rows.map(({ position: _, ...row }) => row);
  const withoutPosition = (rows: { position: string }[]) => rows.map(({ position: _, ...row }) => row);

  it('reads {"data": [...]} and JSON lines to the same rows as the CSV, at every chunk split', () => {
    for (const step of [1, 7, undefined]) {
      const doc = parseWith(liteLlmSpendJsonFormat, fixture('litellm-spend.json'), step);
      expect(withoutPosition(doc.rows)).toEqual(expected);
      expect(doc.rows.map((r) => r.position)).toEqual(['data[0]', 'data[1]', 'data[2]']);
      const lines = parseWith(liteLlmSpendJsonFormat, fixture('litellm-spend.jsonl'), step);
      expect(withoutPosition(lines.rows)).toEqual(expected);
      expect(lines.rows.map((r) => r.position)).toEqual(['line 1', 'line 2', 'line 3']);
    }
  });

  it('reads a plain list of rows, metadata as an object or as JSON text', () => {
    const list = JSON.stringify([
      { request_id: 'r1', startTime: '2026-11-03T10:00:00Z', prompt_tokens: 5, metadata: { user_api_key_alias: 'a' } },
      { request_id: 'r2', startTime: 1762164000, completion_tokens: 1, metadata: '{"user_api_key_alias": "b"}', request_tags: '["agent:x"]' },
    ]);
    const { rows } = parseWith(liteLlmSpendJsonFormat, list, 3);
    expect(rows.map((r) => [r.position, r.serviceTag, r.agentTag])).toEqual([
      ['[0]', 'a', null],
      ['[1]', 'b', 'x'],
    ]);
  });

  it('refuses a truncated document or line, saying it may be truncated', () => {
    const doc = fixture('litellm-spend.json').toString('utf8');
    const cut = doc.slice(0, doc.indexOf('"msg_01X') + 30);
    const err = inputErrorOf(() => parseWith(liteLlmSpendJsonFormat, cut, 7));
    expect(err.position).toBe('data[1]');
    expect(err.message).toMatch(/ends in the middle of data\[1\].*truncated: export it again/);
    const lines = fixture('litellm-spend.jsonl').toString('utf8');
    const err2 = inputErrorOf(() => parseWith(liteLlmSpendJsonFormat, lines.slice(0, lines.length - 40)));
    expect(err2.position).toBe('line 3');
    expect(err2.message).toMatch(/ends in the middle of a JSON object on its last line.*truncated/);
  });

  it('refuses a broken line in the middle, rows that are no objects, and rows without tokens', () => {
    expect(inputErrorOf(() => parseWith(liteLlmSpendJsonFormat, '{"request_id":"r1","startTime":1762164000,"prompt_tokens":1}\n{"request_id": oops}\n{}\n')).position).toBe('line 2');
    const notObject = inputErrorOf(() => parseWith(liteLlmSpendJsonFormat, '{"data": [1]}'));
    expect([notObject.position, notObject.message]).toEqual(['data[0]', expect.stringContaining('expected a spend log row')]);
    const noTokens = inputErrorOf(() => parseWith(liteLlmSpendJsonFormat, '[{"request_id":"r1","startTime":1762164000}]'));
    expect([noTokens.position, noTokens.message]).toEqual(['[0]', expect.stringContaining('none of prompt_tokens')]);
    const garbage = inputErrorOf(() => parseWith(liteLlmSpendJsonFormat, 'request_id,spend\n'));
    expect(garbage.message).toMatch(/expected JSON/);
  });
});

describe('detection', () => {
  it('recognises each file by its own shape and nothing else', () => {
    const csvHead = fixture('litellm-spend.csv').toString('utf8');
    const jsonHead = fixture('litellm-spend.json').toString('utf8');
    const linesHead = fixture('litellm-spend.jsonl').toString('utf8');
    expect([detectLiteLlmSpendCsv(csvHead), detectLiteLlmSpendJson(csvHead)]).toEqual([true, false]);
    expect([detectLiteLlmSpendCsv(jsonHead), detectLiteLlmSpendJson(jsonHead)]).toEqual([false, true]);
    expect([detectLiteLlmSpendCsv(linesHead), detectLiteLlmSpendJson(linesHead)]).toEqual([false, true]);
    expect(detectLiteLlmSpendCsv('\uFEFF"request_id","api_key","startTime"\r\n')).toBe(true);
    expect(detectLiteLlmSpendCsv('request_id,model\n')).toBe(false);
    // OpenAI and Anthropic usage pages, OTLP traces.
    expect(detectLiteLlmSpendJson('{"object": "page", "data": [{"object": "bucket", "results": [{"request_id": 1, "spend": 2}]}]}')).toBe(false);
    expect(detectLiteLlmSpendJson('{"data": [{"starting_at": "x", "results": [{"uncached_input_tokens": 1}]}]}')).toBe(false);
    expect(detectLiteLlmSpendJson('{"resourceSpans": [{"request_id": "x", "spend": 1}]}')).toBe(false);
  });
});

describe('LiteLLM JSON size limits', () => {
  const huge = (open: string, parser = liteLlmSpendJsonFormat.createParser({ row: () => undefined, cost: () => undefined, warn: () => undefined })) =>
    inputErrorOf(() => {
      parser.write(Buffer.from(open));
      const chunk = Buffer.alloc(1024 * 1024, 'x');
      for (let i = 0; i < 50; i++) parser.write(chunk);
      parser.end();
    });

  it('refuses a 50 MB value in a document at the limit', () => {
    const err = huge('{"data": [{"request_id": "r0", "startTime": 1762164000, "prompt_tokens": 1}, {"request_id": "r1", "messages": "');
    expect(err.position).toBe('data[1]');
    expect(err.message).toMatch(/one value at data\[1\] runs past 16 Mi characters/);
  });

  it('refuses a 50 MB line at the limit', () => {
    const err = huge('{"request_id": "r0", "startTime": 1762164000, "prompt_tokens": 1}\n{"request_id": "r1", "messages": "');
    expect(err.position).toBe('line 2');
    expect(err.message).toMatch(/the line runs past 16 Mi characters/);
  });
});

describe('detection against every other usage fixture', () => {
  it('claims only LiteLLM files', async () => {
    const { readdirSync } = await import('node:fs');
    for (const name of readdirSync(join(__dirname, 'fixtures'))) {
      const head = fixture(name).subarray(0, 64 * 1024).toString('utf8');
      expect(detectLiteLlmSpendCsv(head), name).toBe(name === 'litellm-spend.csv');
      expect(detectLiteLlmSpendJson(head), name).toBe(name === 'litellm-spend.json' || name === 'litellm-spend.jsonl');
    }
  });
});
