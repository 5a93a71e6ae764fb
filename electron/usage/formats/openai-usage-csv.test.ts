import { describe, expect, it } from 'vitest';
import { anthropicCostFormat } from './anthropic-cost';
import { anthropicUsageFormat } from './anthropic-usage';
import { openAiCostsFormat } from './openai-costs';
import { openAiUsageFormat } from './openai-usage';
import { openAiUsageCsvFormat } from './openai-usage-csv';
import { fixture, headOf, OTLP_TRACE_HEAD, parseEveryChunking } from './provider-report-test-kit';
import { inputErrorOf, parseWith } from './usage-test-helpers';

const HEADER = 'start_time,end_time,start_time_iso,end_time_iso';
const MINUTE = 60_000;
const T0 = 1_761_523_800_000; // 2025-10-27T00:10:00Z

const errorOf = (text: string) => inputErrorOf(() => parseWith(openAiUsageCsvFormat, text));

describe('OpenAI usage CSV export', () => {
  it('reads one row per line, the same in every chunking, with cached tokens out of input', () => {
    const { rows, costs, warnings } = parseEveryChunking(openAiUsageCsvFormat, fixture('openai-usage.csv'));
    expect(costs).toEqual([]);
    expect(warnings).toEqual([]);
    expect(rows[0]).toEqual({
      provider: 'openai',
      layer: 'provider',
      startMs: T0,
      endMs: T0 + MINUTE,
      keyId: 'key_3QRCYbJRFQ0G4ycm',
      projectId: 'proj_Hq3cTn7vZ1aXk2',
      model: 'gpt-4o-2024-08-06',
      // Spreadsheet tools write counts as "3.0".
      requests: 3,
      inputTokens: 4212 - 1280,
      cachedInputTokens: 1280,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      outputTokens: 1673,
      reportedCostUsd: null,
      agentTag: null,
      featureTag: null,
      userTag: null,
      sessionTag: null,
      serviceTag: null,
      eventId: null,
      grouping: 'project_id,api_key_id,model,batch',
      position: 'line 2',
    });
    expect(rows.map((row) => [row.position, row.startMs, row.keyId, row.requests, row.inputTokens])).toEqual([
      ['line 2', T0, 'key_3QRCYbJRFQ0G4ycm', 3, 2932],
      ['line 3', T0, 'key_Y0r9whvwK8Gilt6s', 1, 5904],
      ['line 4', T0 + 4 * MINUTE, 'key_TrCdJcJYEpJnxEzh', 25, 15_738],
    ]);
  });

  it('accepts any subset of the known columns, ignoring unknown ones, and reads ISO times where seconds are blank', () => {
    const text = `${HEADER},model,input_tokens,project_name\n,,2025-10-27T00:10:00Z,2025-10-27T00:11:00Z,gpt-4o,120,Support bot\n1761523800,1761523860,,,,80,Support bot\n`;
    const rows = parseWith(openAiUsageCsvFormat, text).rows;
    expect(rows.map((row) => [row.startMs, row.model, row.inputTokens, row.outputTokens, row.requests, row.grouping])).toEqual([
      [T0, 'gpt-4o', 120, 0, 0, 'model'],
      [T0, null, 80, 0, 0, 'model'],
    ]);
  });

  it('groups each bucket by what its own lines fill', () => {
    const text = `${HEADER},api_key_id,input_tokens\n1761523800,1761523860,,,,10\n1761523860,1761523920,,,key_a,10\n`;
    expect(parseWith(openAiUsageCsvFormat, text).rows.map((row) => row.grouping)).toEqual(['', 'api_key_id']);
  });

  it('warns, not refuses, an export of bucket times alone', () => {
    const { rows, warnings } = parseWith(openAiUsageCsvFormat, `${HEADER}\n1761523800,1761523860,2025-10-27T00:10:00+00:00,2025-10-27T00:11:00+00:00\n`);
    expect(rows).toEqual([]);
    expect(warnings).toEqual([['line 1', expect.stringMatching(/no usage columns: nothing to import/)]]);
  });

  it('is recognised by its header, and not mistaken for the JSON reports or other tools', () => {
    expect(openAiUsageCsvFormat.detect(headOf(fixture('openai-usage.csv')))).toBe(true);
    expect(openAiUsageCsvFormat.detect(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(openAiUsageCsvFormat.detect('"start_time","end_time","start_time_iso","end_time_iso","model"\n')).toBe(true);
    expect(openAiUsageCsvFormat.detect('start_time,end_time,model\n')).toBe(false);
    for (const spec of [openAiUsageFormat, openAiCostsFormat, anthropicUsageFormat, anthropicCostFormat]) expect(spec.detect(headOf(fixture('openai-usage.csv'))), spec.format).toBe(false);
    for (const other of ['openai-usage-two-pages.json', 'openai-costs.json', 'anthropic-usage.json', 'anthropic-cost.json', 'litellm-spend.json', 'litellm-spend.jsonl', 'litellm-spend.csv']) {
      expect(openAiUsageCsvFormat.detect(headOf(fixture(other))), other).toBe(false);
    }
    expect(openAiUsageCsvFormat.detect(OTLP_TRACE_HEAD)).toBe(false);
  });

  it('refuses bad input, naming the line and what to do', () => {
    const line = (cells: string) => `${HEADER},input_tokens,input_cached_tokens,num_model_requests\n${cells}\n`;
    expect(errorOf(`${HEADER},spend,request_id\n`)).toMatchObject({ position: 'line 1', message: expect.stringMatching(/^the header has no usage column \(found "spend,request_id"\); expected start_time,end_time,start_time_iso,end_time_iso then any of input_tokens, output_tokens/) });
    expect(errorOf('model,input_tokens\n').message).toMatch(/^the header starts "model,input_tokens"; expected start_time,end_time/);
    expect(errorOf(`${HEADER},model,model\n`).message).toMatch(/names the column "model" twice/);
    expect(errorOf('').message).toMatch(/^the file is empty/);
    expect(errorOf(line('1761523800,1761523860,,,-4,0,1'))).toMatchObject({ position: 'line 2', message: 'input_tokens should be zero or more tokens, found "-4"' });
    expect(errorOf(line('1761523800,1761523860,,,12.5,0,1')).message).toBe('input_tokens should be a whole number of tokens, found "12.5"');
    expect(errorOf(line('1761523800,1761523860,,,ten,0,1')).message).toBe('input_tokens should be a whole number of tokens, found "ten"');
    expect(errorOf(line('1761523800,1761523860,,,9999999999999999,0,1')).message).toMatch(/at most 1e\+15 tokens/);
    expect(errorOf(line('1761523800,1761523860,,,10,20,1')).message).toMatch(/^input_cached_tokens \(20\) is more than input_tokens \(10\)/);
    expect(errorOf(line(',,,,10,0,1')).message).toMatch(/^the line has neither start_time nor start_time_iso/);
    expect(errorOf(line('1761523860,1761523800,,,10,0,1')).message).toBe('end_time "1761523800" is before start_time "1761523860": a bucket must end after it starts');
    expect(errorOf(line('1761523800,1761523860,2025-10-28T00:10:00Z,,10,0,1')).message).toMatch(/^start_time "1761523800" and start_time_iso "2025-10-28T00:10:00Z" are different times/);
    expect(errorOf(line('27/10/2025,1761523860,,,10,0,1')).message).toMatch(/^start_time should be unix seconds or an RFC 3339 time .*found "27\/10\/2025"$/);
    expect(errorOf(line('1761523800,1761523860,,,10,0')).message).toMatch(/^the line has 6 cells but the header has 7 columns/);
    expect(errorOf(line(`1761523800,1761523860,,,"${'9'.repeat(300)}x",0,1`)).message.length).toBeLessThan(160);
    const truncated = errorOf(`${HEADER},model\n1761523800,1761523860,,,"gpt-4o`);
    expect(truncated.position).toBe('line 2');
    expect(truncated.message).toMatch(/truncated: export it again/);
  });
});
