import { execFileSync, fork } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { LITELLM_COLUMNS, writeLiteLlmSpendCsv, writeOpenAiUsagePages } from './generate-usage-logs';
import { fmt, row } from './stats';

const ROWS = 1_000_000;
/** About 2 GB of spend log at ~490 bytes a row. */
const HUGE_ROWS = 4_400_000;
const RUNS = 3;

interface ChildFigures {
  importMs: number;
  rows: number;
  seriesMs: number;
  tokensSeriesMs: number;
  featureSeriesMs: number;
  peakRssMb: number;
}

function importInChild<T = ChildFigures>(dir: string, filePath: string, fileName: string, run: number, mode?: 'expect-refusal'): Promise<T> {
  return new Promise((resolve, reject) => {
    const args = [join(dir, `w-${fileName}-${run}.atw`), filePath, fileName, ...(mode ? [mode] : [])];
    const child = fork(fileURLToPath(new URL('./usage-import-child.ts', import.meta.url)), args, { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`the import child exited with ${code}`))));
  });
}

/** A 2 GB spend log whose very last line has negative tokens: refused whole, memory bounded, nothing written. */
async function hugeBadFile(dir: string): Promise<void> {
  const path = join(dir, 'spend-2gb.csv');
  writeLiteLlmSpendCsv(path, HUGE_ROWS);
  appendFileSync(path, 'req-bad,acompletion,abc,0.1,-5,-5,0,2026-10-31T10:00:00Z,2026-10-31T10:00:01Z,,gpt-4o,,,openai,,,{},False,,[],,,,,success\n');
  row('2 GB spend log with a bad last line: size', `${(statSync(path).size / 1_048_576).toFixed(0)} MB`);
  const outcome = await importInChild<{ refusedMs: number; message: string; unchanged: boolean; peakRssMb: number }>(dir, path, 'spend-2gb.csv', 0, 'expect-refusal');
  rmSync(path, { force: true });
  row('  refused after', fmt(outcome.refusedMs));
  row('  message', outcome.message.slice(0, 60));
  row('  workspace unchanged', String(outcome.unchanged), 'true');
  row('  peak RSS of the importing process', `${outcome.peakRssMb} MB`, '< 600 MB');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** sqlite3's own CSV import of the same file into a table with the same columns: the reference. */
function sqliteImportMs(dir: string, csvPath: string, run: number): number {
  const db = join(dir, `reference-${run}.db`);
  const create = `CREATE TABLE spend (${LITELLM_COLUMNS.map((c) => `"${c}" TEXT`).join(', ')});`;
  const started = performance.now();
  execFileSync('sqlite3', [db, create, '.mode csv', `.import --skip 1 ${csvPath} spend`]);
  return performance.now() - started;
}

/**
 * `npm run bench usage`: 1,000,000 LiteLLM spend rows (CSV) and 1,000,000 OpenAI usage results
 * (JSON pages) imported by path, each in a process of its own (rows/s, peak RSS), against
 * Debian sqlite3's `.import` of the same CSV; then the cost-over-time-by-agent series over the
 * million rows. Medians of 3 runs. Last, a 2 GB spend log with a bad last line: refused whole,
 * with bounded memory and the workspace unchanged.
 */
export async function usageBench(): Promise<void> {
  console.log(`\nUsage imports: ${ROWS.toLocaleString('en-US')} rows, medians of ${RUNS} runs`);
  const dir = mkdtempSync(join(tmpdir(), 'atw-usage-bench-'));
  try {
    const csv = join(dir, 'spend-logs.csv');
    const json = join(dir, 'openai-usage.json');
    writeLiteLlmSpendCsv(csv, ROWS);
    writeOpenAiUsagePages(json, ROWS);
    row('LiteLLM spend CSV size', `${(statSync(csv).size / 1_048_576).toFixed(0)} MB`);
    row('OpenAI usage JSON size', `${(statSync(json).size / 1_048_576).toFixed(0)} MB`);

    const ours: ChildFigures[] = [];
    const reference: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Interleaved, so a noisy minute slows both sides alike.
      reference.push(sqliteImportMs(dir, csv, run));
      ours.push(await importInChild(dir, csv, 'spend-logs.csv', run));
    }
    const csvMs = median(ours.map((o) => o.importMs));
    const sqliteMs = median(reference);
    row('LiteLLM CSV: rows stored', ours[0]!.rows.toLocaleString('en-US'));
    row('LiteLLM CSV: import time', fmt(csvMs));
    row('LiteLLM CSV: rows/s', Math.round(ROWS / (csvMs / 1000)).toLocaleString('en-US'));
    row('LiteLLM CSV: peak RSS of the importing process', `${median(ours.map((o) => o.peakRssMb))} MB`, '< 600 MB');
    row('sqlite3 .import of the same CSV', fmt(sqliteMs));
    row('ratio ours / sqlite3 .import', `${(csvMs / sqliteMs).toFixed(2)}x`, '<= 2x');
    row('cost over time by agent, 1,000,000 rows', fmt(median(ours.map((o) => o.seriesMs))), '< 300 ms');
    row('tokens over time by agent, 1,000,000 rows', fmt(median(ours.map((o) => o.tokensSeriesMs))));
    row('cost over time by feature, 1,000,000 rows', fmt(median(ours.map((o) => o.featureSeriesMs))));

    const openAi: ChildFigures[] = [];
    for (let run = 0; run < RUNS; run++) openAi.push(await importInChild(dir, json, 'openai-usage.json', run));
    const jsonMs = median(openAi.map((o) => o.importMs));
    row('OpenAI usage JSON: rows stored', openAi[0]!.rows.toLocaleString('en-US'));
    row('OpenAI usage JSON: import time', fmt(jsonMs));
    row('OpenAI usage JSON: rows/s', Math.round(ROWS / (jsonMs / 1000)).toLocaleString('en-US'));
    row('OpenAI usage JSON: peak RSS of the importing process', `${median(openAi.map((o) => o.peakRssMb))} MB`, '< 600 MB');
    rmSync(csv, { force: true });
    rmSync(json, { force: true });
    await hugeBadFile(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
