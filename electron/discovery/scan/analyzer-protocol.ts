import type { CodeFindings, FileWarning } from '../findings';
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
  /** When the walk knows it (see WalkedFile); the reader stats the file it opens. */
  size?: number;
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

/**
 * The array fields every CodeFindings has. Most are empty for most files (a file without LLM
 * signal has only its imports), and copying a message costs per property: results cross the
 * thread boundary without their empty arrays (packResults) and get fresh ones back on arrival
 * (unpackResults), which cuts the copy of a typical batch by more than half.
 */
const CODE_ARRAYS = ['llm', 'frameworks', 'tools', 'capabilities', 'credentials', 'endpoints', 'guardrails', 'untrustedInputs', 'localImports'] as const satisfies ReadonlyArray<keyof CodeFindings>;

/** Drops the empty arrays of code findings, in place, just before the results are posted. */
export function packResults(results: AnalyzedFile[]): AnalyzedFile[] {
  for (const result of results) {
    for (const findings of result.findings) {
      if (findings.type !== 'code') continue;
      const packed = findings as Partial<CodeFindings>;
      for (const field of CODE_ARRAYS) if (packed[field]?.length === 0) delete packed[field];
    }
  }
  return results;
}

/** Gives posted code findings back the empty arrays packResults dropped, in place. */
export function unpackResults(results: AnalyzedFile[]): AnalyzedFile[] {
  for (const result of results) {
    for (const findings of result.findings) {
      if (findings.type !== 'code') continue;
      const packed = findings as Partial<CodeFindings>;
      for (const field of CODE_ARRAYS) packed[field] ??= [];
    }
  }
  return results;
}
