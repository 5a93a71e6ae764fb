import type { ImportFormat, ImportIssue, RegistryImportPreview } from '../../shared/contract';
import type { CloudProvider } from '../../shared/iam';
import type { ManifestDiff } from '../../shared/manifest';
import type { ChangeAuthor } from '../store/audit-log';
import type { Db } from '../store/workspace-file';
import type { ImportSource } from './import-source';

/** What a reader made of one file: pure facts, nothing written yet. */
export interface ParsedImport<D = unknown> {
  format: ImportFormat;
  provider: CloudProvider | null;
  /** The account, project, tenant or cluster the file describes ('' when it does not say). */
  scope: string;
  counts: Record<string, number>;
  warnings: ImportIssue[];
  data: D;
}

export interface ReadContext {
  progress(done: number, total: number, message: string): void;
  throwIfCancelled(): void;
  /**
   * Why the file is read: a preview reads everything to count and check it; an import straight
   * away lets a streamed reader check while it writes (one pass over millions of rows, not two).
   */
  purpose: 'preview' | 'apply';
}

/** What applying would do in this workspace as it is now (registry rows: create, update, errors). */
export interface ImportPlan {
  errors: ImportIssue[];
  warnings: ImportIssue[];
  counts: Record<string, number>;
  registry: RegistryImportPreview | null;
  /** Agents manifests only: its difference from the workspace, per agent. */
  manifest?: ManifestDiff;
  /**
   * What the reader worked out for `apply` (registry rows: the creates and updates), handed back
   * to it in ApplyContext.plan: the pipeline plans once inside the import's transaction.
   */
  prepared?: unknown;
}

export interface ApplyContext extends ReadContext {
  author: ChangeAuthor;
  /** Registry rows the person chose to leave out. */
  skipRows: number[];
  /** The reader's own plan of this file, made in the same transaction just before `apply`. */
  plan: ImportPlan;
}

/**
 * How the pipeline recognises one format family. Every file meets every detector, so a detector
 * lives in a small module of its own; the reader (parsers, the YAML library, IAM policy
 * evaluators, the usage writer) is loaded by `load` only once a file is of its family.
 */
export interface ImportDetector {
  /** For the "expected one of" message: "an AWS IAM export (authorization details, credential report)". */
  describes: string;
  /**
   * Files of this reader are streamed from disk, never loaded whole: `detect` sees only
   * `source.head` and `read`/`apply` use `source.chunks()`.
   */
  streamed?: boolean;
  /** The format of this file, from its content, or null when it is not this reader's. */
  detect(source: ImportSource): ImportFormat | null;
}

/** A detector the pipeline lists, with the way to load its reader. */
export interface ImportFamily extends ImportDetector {
  load(): Promise<ImportReader>;
}

/**
 * One format family of the import pipeline: detect -> read -> plan -> apply. Readers are pure up
 * to `apply`, which runs inside the pipeline's single write transaction for all files.
 */
export interface ImportReader<D = unknown> extends ImportDetector {
  read(source: ImportSource, format: ImportFormat, ctx: ReadContext): ParsedImport<D> | Promise<ParsedImport<D>>;
  /**
   * Which earlier import this one replaces: the same format describing the same account, project,
   * tenant or cluster; a file that names none is its own source (its hash).
   */
  sourceKey(parsed: ParsedImport<D>, source: ImportSource): string;
  /** Read-only check against the workspace; readers without workspace-dependent errors omit it. */
  plan?(db: Db, parsed: ParsedImport<D>, source: ImportSource, skipRows: number[]): ImportPlan;
  /** Writes the facts under `importId`; returns what was written, per kind, for the provenance record. */
  apply(db: Db, parsed: ParsedImport<D>, importId: number, source: ImportSource, ctx: ApplyContext): Record<string, number>;
}
