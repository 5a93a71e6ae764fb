import { readCandidate } from '../walk';
import { analyzeFile, type AnalyzerRules } from './analyze-file';
import type { AnalyzedFile, FileToAnalyze } from './analyzer-protocol';

/** Reads one file the walk delivered and analyses it; what cannot be read or analysed comes back as a reason or a warning, never as an error. */
export async function readAndAnalyze(file: FileToAnalyze, rules: AnalyzerRules): Promise<AnalyzedFile> {
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
