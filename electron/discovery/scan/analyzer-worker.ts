import { parentPort, workerData } from 'node:worker_threads';
import { readCandidate } from '../walk';
import { analyzeFile, loadAnalyzerRules, type AnalyzerRules } from './analyze-file';
import type { AnalyzeBatch, AnalyzedFile, AnalyzerReply, AnalyzerWorkerInput, FileToAnalyze } from './analyzer-protocol';

/**
 * One analyzer thread: compiles the rule packs it is handed, then reads and analyzes batches of
 * files. Parsers (tree-sitter grammars, the HCL WASM) load on first need, not here.
 */
async function start(input: AnalyzerWorkerInput): Promise<void> {
  const rules = loadAnalyzerRules(new Set(input.disabledRuleIds), input.fingerprintKey, input.rulePacks);
  const post = (reply: AnalyzerReply) => parentPort!.postMessage(reply);
  parentPort!.on('message', async (batch: AnalyzeBatch) => {
    const results: AnalyzedFile[] = [];
    for (const file of batch.files) results.push(await readAndAnalyze(file, rules));
    post({ type: 'batch', batchId: batch.batchId, results, warnings: [] });
  });
  post({ type: 'ready' });
}

async function readAndAnalyze(file: FileToAnalyze, rules: AnalyzerRules): Promise<AnalyzedFile> {
  const absPath = typeof file.absPath === 'string' ? file.absPath : Buffer.from(file.absPath);
  const outcome = readCandidate({ relPath: file.relPath, absPath, size: file.size });
  if (!outcome.ok) return { findings: [], warnings: [], stubbed: false, read: outcome };
  const read = { ok: true as const, bytes: { length: outcome.bytes.length } };
  try {
    return { ...(await analyzeFile(file.relPath, file.kind, outcome.bytes, rules, file.full)), read };
  } catch (err) {
    // One file an analyzer cannot handle is a warning, never the end of the scan.
    return { findings: [], stubbed: false, read, warnings: [{ path: file.relPath, message: `Could not be analysed: ${err instanceof Error ? err.message : String(err)}` }] };
  }
}

start(workerData as AnalyzerWorkerInput).catch((err: unknown) => parentPort!.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) } satisfies AnalyzerReply));
