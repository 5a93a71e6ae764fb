import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendError } from '../../shared/errors';
import type { CostRow, UsageRow } from '../../shared/usage';
import { cancelledError } from '../jobs/job-context';
import { resourcesDir } from '../resources-dir';
import { tempDir } from '../store/test-workspace';
import { USAGE_FORMAT_SPECS } from './formats';
import { UsageInputError, type UsageSink } from './formats/usage-format';
import { parseInWorker } from './parse-in-worker';

const DEMO = join(resourcesDir(), 'demo', 'usage');

function collector() {
  const rows: UsageRow[] = [];
  const costs: CostRow[] = [];
  const warnings: string[] = [];
  const sink: UsageSink = { row: (r) => rows.push({ ...r, position: '' }), cost: (c) => costs.push({ ...c, position: '' }), warn: (p, m) => warnings.push(`${p}: ${m}`) };
  return { rows, costs, warnings, sink };
}

const quiet = { progress: () => undefined, throwIfCancelled: () => undefined, purpose: 'apply' as const };

function inline(path: string, format: (typeof USAGE_FORMAT_SPECS)[number]['format']) {
  const out = collector();
  const parser = USAGE_FORMAT_SPECS.find((s) => s.format === format)!.createParser(out.sink);
  parser.write(readFileSync(path));
  parser.end();
  return out;
}

describe('parsing a usage file on a worker thread', () => {
  const tmp = tempDir('atw-parse-worker-');
  afterEach(() => undefined);

  it('hands over exactly the rows, costs and warnings the parser makes in this thread', () => {
    for (const [file, format] of [
      ['litellm-spend-logs-2026-11-21-to-30.csv', 'litellm-spend-csv'],
      ['anthropic-cost-report-2026-11.json', 'anthropic-cost'],
      ['openai-usage-completions-2026-11.json', 'openai-usage'],
    ] as const) {
      const path = join(DEMO, file);
      const viaWorker = collector();
      parseInWorker(path, readFileSync(path).length, format, viaWorker.sink, quiet, 'Importing');
      const here = inline(path, format);
      expect(viaWorker.rows.length + viaWorker.costs.length, file).toBeGreaterThan(0);
      expect(viaWorker.rows, file).toEqual(here.rows);
      expect(viaWorker.costs, file).toEqual(here.costs);
      expect(viaWorker.warnings, file).toEqual(here.warnings);
    }
  });

  it("refuses a bad row with the parser's own position and message", () => {
    const text = readFileSync(join(DEMO, 'litellm-spend-logs-2026-11-21-to-30.csv'), 'utf8');
    const path = join(tmp.dir, 'bad.csv');
    writeFileSync(path, `${text}chatcmpl-x,acompletion,k,0.1,-5,-5,0,2026-11-30T10:00:00Z,2026-11-30T10:00:01Z,,gpt-4o,,,openai,,,{},False,,[],,,,,success\n`);
    let refusal: unknown;
    try {
      parseInWorker(path, text.length, 'litellm-spend-csv', collector().sink, quiet, 'Importing');
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(UsageInputError);
    expect((refusal as UsageInputError).position).toBe('line 1863');
  });

  it('stops at a cancel', () => {
    let checks = 0;
    const cancelling = { ...quiet, throwIfCancelled: () => {
      if (++checks > 3) throw cancelledError();
    } };
    const out = collector();
    let error: unknown;
    try {
      parseInWorker(join(DEMO, 'litellm-spend-logs-2026-11-21-to-30.csv'), 1, 'litellm-spend-csv', out.sink, cancelling, 'Importing');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).code).toBe('cancelled');
    tmp.cleanup();
  });
});
