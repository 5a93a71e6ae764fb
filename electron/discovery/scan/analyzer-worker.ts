import { parentPort, workerData } from 'node:worker_threads';
import { analyzeFile, loadAnalyzerRules } from './analyze-file';
import type { AnalyzeBatch, AnalyzerReply, AnalyzerWorkerInput } from './analyzer-protocol';
import { loadCodeParsers } from '../code';

/** One analyzer thread: loads the rule packs and tree-sitter once, then analyzes batches of files. */
async function start(input: AnalyzerWorkerInput): Promise<void> {
  const rules = loadAnalyzerRules(new Set(input.disabledRuleIds));
  await loadCodeParsers();
  const post = (reply: AnalyzerReply) => parentPort!.postMessage(reply);
  parentPort!.on('message', async (batch: AnalyzeBatch) => {
    const results = [];
    for (const file of batch.files) {
      try {
        results.push(await analyzeFile(file.relPath, file.kind, file.bytes, rules, file.full));
      } catch (err) {
        // One file an analyzer cannot handle is a warning, never the end of the scan.
        results.push({ findings: [], stubbed: false, warnings: [{ path: file.relPath, message: `Could not be analysed: ${err instanceof Error ? err.message : String(err)}` }] });
      }
    }
    post({ type: 'batch', batchId: batch.batchId, results, warnings: [] });
  });
  post({ type: 'ready' });
}

start(workerData as AnalyzerWorkerInput).catch((err: unknown) => parentPort!.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) } satisfies AnalyzerReply));
