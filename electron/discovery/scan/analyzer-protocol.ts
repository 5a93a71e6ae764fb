import type { FileWarning } from '../findings';
import type { FileAnalysis } from './analyze-file';
import type { FileKind } from '../walk';

export interface AnalyzerWorkerInput {
  disabledRuleIds: string[];
}

export interface AnalyzeBatch {
  batchId: number;
  files: Array<{ relPath: string; kind: FileKind; bytes: Uint8Array; full?: boolean }>;
}

export type AnalyzerReply =
  | { type: 'ready' }
  | { type: 'batch'; batchId: number; results: FileAnalysis[]; warnings: FileWarning[] }
  | { type: 'failed'; message: string };
