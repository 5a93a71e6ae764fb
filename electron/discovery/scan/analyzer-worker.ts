import { parentPort, workerData } from 'node:worker_threads';
import { loadAnalyzerRules } from './analyze-file';
import { packResults, type AnalyzeBatch, type AnalyzedFile, type AnalyzerReply, type AnalyzerWorkerInput } from './analyzer-protocol';
import { readAndAnalyze } from './read-and-analyze';

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
    post({ type: 'batch', batchId: batch.batchId, results: packResults(results), warnings: [] });
  });
  post({ type: 'ready' });
}

start(workerData as AnalyzerWorkerInput).catch((err: unknown) => parentPort!.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) } satisfies AnalyzerReply));
