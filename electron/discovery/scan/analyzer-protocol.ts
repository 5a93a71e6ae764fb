import type { FileWarning } from '../findings';
import type { FileKind, ReadSkipReason } from '../walk';
import type { FileAnalysis } from './analyze-file';
import type { ValidatedRulePacks } from './rule-packs';

export interface AnalyzerWorkerInput {
  disabledRuleIds: string[];
  /** Validated by the scan's thread: an analyzer thread compiles them without validating again. */
  rulePacks: ValidatedRulePacks;
  /** The workspace's key for secret fingerprints: an input like the rules, never read from a store here. */
  fingerprintKey: Uint8Array;
}

/** A file to read and analyse; the analyzer thread reads it, so reading is spread over threads too. */
export interface FileToAnalyze {
  relPath: string;
  kind: FileKind;
  /** A string, or the raw bytes of a name that is not valid UTF-8. */
  absPath: string | Uint8Array;
  size: number;
  /** Analyse fully, skipping the LLM prefilter (a file a candidate's code reaches). */
  full?: boolean;
}

export interface AnalyzeBatch {
  batchId: number;
  files: FileToAnalyze[];
}

/** What reading a file gave, for the scan's counters (the bytes stay in the analyzer thread). */
export type ReadSummary = { ok: true; bytes: { length: number } } | { ok: false; reason: ReadSkipReason; detail: string };

export interface AnalyzedFile extends FileAnalysis {
  read: ReadSummary;
}

export type AnalyzerReply =
  | { type: 'ready' }
  | { type: 'batch'; batchId: number; results: AnalyzedFile[]; warnings: FileWarning[] }
  | { type: 'failed'; message: string };
