import { z } from 'zod';
import { AgentDraft, AgentPatch, AgentStatus, TriggerKind, type AgentRecord } from './agent';
import { AGENT_FLAG_KEYS, type AgentFlag, type Completeness } from './registry';
import { CANDIDATE_DECISIONS, type CandidateDetail, type CandidateSummary, type RuleInfo, type ScanCounters, type ScanSummary } from './discovery';
import type { ApiResult } from './errors';
import type { CandidateMatch } from './candidate-match';

/**
 * The one backend contract. Every method is declared once here: its input schema (validated by
 * the engine's dispatcher on every host) and its output type. The preload bridge, the HTTP
 * client, the CLI and the handlers are all typed from this object, so a renamed method or a
 * changed shape fails the type check everywhere.
 */

declare const outputBrand: unique symbol;
interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  [outputBrand]?: O;
}
const method = <O>() => <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });

// ---- workspace ---------------------------------------------------------------------------

export interface WorkspaceInfo {
  path: string;
  /** File name without extension: what the title bar and recent list show. */
  name: string;
  isDemo: boolean;
  schemaVersion: number;
  agentCount: number;
  createdAt: string;
}
export interface RecentWorkspace {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

const WorkspacePath = z.string().trim().min(1, 'a workspace path is required').max(4096);

// ---- agents ------------------------------------------------------------------------------

export const AGENT_SORT_KEYS = ['name', 'status', 'trigger', 'owner', 'lastReviewed', 'completeness', 'updatedAt'] as const;

export const AgentListQuery = z.object({
  text: z.string().max(200).optional(),
  statuses: z.array(AgentStatus).optional(),
  triggers: z.array(TriggerKind).optional(),
  /** 'none' lists agents without an owner; any other value matches owner name or email. */
  owner: z.string().max(320).optional(),
  flags: z.array(z.enum(AGENT_FLAG_KEYS)).optional(),
  sort: z.enum(AGENT_SORT_KEYS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(50_000).default(50_000),
  offset: z.number().int().min(0).default(0),
});
export type AgentListQuery = z.input<typeof AgentListQuery>;

export interface AgentSummary {
  id: string;
  name: string;
  status: AgentStatus;
  triggerKind: TriggerKind;
  schedule: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  lastReviewed: string | null;
  environment: string;
  vendor: string;
  completeness: Completeness;
  flags: AgentFlag[];
  updatedAt: string;
}
export interface AgentList {
  rows: AgentSummary[];
  /** Rows matching the filter, before limit/offset. */
  total: number;
  /** All agents in the workspace. */
  workspaceTotal: number;
  /** Distinct owners, for the owner filter. */
  owners: string[];
}

export interface AgentDetail extends AgentRecord {
  completeness: Completeness;
  flags: AgentFlag[];
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  entity: 'agent' | 'workspace' | 'candidate' | 'rule';
  entityId: string;
  field: string;
  before: string | null;
  after: string | null;
  /** How the change came: the UI, a registry import, the CLI, the demo seed. */
  via: string;
}

// ---- registry spreadsheets ---------------------------------------------------------------

export const REGISTRY_FORMATS = ['csv', 'xlsx'] as const;
export type RegistryFormat = (typeof REGISTRY_FORMATS)[number];

const UploadedFile = z.object({
  fileName: z.string().min(1).max(1024),
  /** The file's bytes, base64: the renderer never hands the engine a path it chose. */
  contentBase64: z.string().max(140_000_000, 'the file is larger than 100 MB; split it and import the parts'),
});

export interface RegistryRowError {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column header as written in the file, or '' when the error is about the whole row. */
  column: string;
  message: string;
}
/** Same shape as an error: something imported as written (or kept as "other: <word>") that a person should look at. */
export type RegistryRowWarning = RegistryRowError;
export interface RegistryColumnMapping {
  header: string;
  /** The registry field it fills, or null when it is kept as a note. */
  field: string | null;
}
/** What importing a row would do; 'invalid' rows have errors and are imported only once fixed (or skipped). */
export type RegistryRowAction = 'create' | 'update' | 'unchanged' | 'invalid';
/**
 * How a row found its agent: by the id column, by name, a new agent, or an id this workspace does
 * not know (exported from another workspace), then matched by name or added as new.
 */
export type RegistryRowMatch = 'id' | 'name' | 'new' | 'foreign-id-name' | 'foreign-id-new';
export interface RegistryPreviewRow {
  row: number;
  name: string;
  action: RegistryRowAction;
  match: RegistryRowMatch;
  /** The agent it updates, when it matches one by id or by name. */
  agentId: string | null;
  /** Fields an update changes (every filled field for a create). */
  changedFields: string[];
  warnings: RegistryRowWarning[];
  errors: RegistryRowError[];
}
export interface RegistryImportPreview {
  format: RegistryFormat;
  fileName: string;
  columns: RegistryColumnMapping[];
  /** Every data row, in file order, with its own warnings and errors. */
  rows: RegistryPreviewRow[];
  /** All errors, header row included, in row order. */
  errors: RegistryRowError[];
  warnings: RegistryRowWarning[];
  /** Data rows with errors: what `skipRows` must name for the rest to be imported. Header errors cannot be skipped. */
  invalidRows: number[];
  totals: { rows: number; valid: number; invalid: number; create: number; update: number; unchanged: number; warnings: number };
}
export interface RegistryImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Row numbers left out because the request asked to skip them. */
  skipped: number[];
}
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

// ---- jobs --------------------------------------------------------------------------------

export type JobState = 'running' | 'succeeded' | 'failed' | 'cancelled';
export interface JobProgress {
  done: number;
  /** 0 while the total is not known yet (a scan before its walk ends). */
  total: number;
  message: string;
  /** A scan's running file counts, for the progress panel. */
  counters?: ScanCounters;
}
export type JobResult =
  | { kind: 'registry-import'; value: RegistryImportResult }
  /** What previewRegistryImport answers, read in a worker so the host's thread never parses a workbook. */
  | { kind: 'registry-preview'; value: RegistryImportPreview }
  | { kind: 'scan'; value: ScanSummary[] }
  | { kind: 'advisory-import'; value: AdvisoryImportResult };
export interface JobStatus {
  id: string;
  kind: JobResult['kind'];
  title: string;
  state: JobState;
  progress: JobProgress;
  startedAt: string;
  endedAt: string | null;
  result: JobResult | null;
  error: { code: string; message: string } | null;
}
const JobRef = z.object({ jobId: z.string().min(1).max(100) });

// ---- discovery ---------------------------------------------------------------------------

export interface CandidateList {
  candidates: CandidateSummary[];
  /** The latest scan of every scanned folder. */
  scans: ScanSummary[];
}
export interface Inventory {
  agents: AgentRecord[];
  candidates: CandidateDetail[];
}
const IdentityKey = z.string().min(1).max(2000);

export interface AdvisoryImportResult {
  /** Records stored: new ids, or newer versions of stored ones. */
  imported: number;
  /** Records the file held. */
  total: number;
}

// ---- app ---------------------------------------------------------------------------------

export interface AppInfo {
  version: string;
  host: 'electron' | 'web' | 'cli' | 'test';
  /** Who the audit log names for changes made here. */
  actor: string;
  /** True where the host can show native file dialogs (Electron). */
  nativeDialogs: boolean;
}

const Empty = z.object({}).strict();

export const contract = {
  appInfo: method<AppInfo>()(Empty),
  setActor: method<AppInfo>()(z.object({ actor: z.string().trim().min(1, 'name is empty').max(200) })),

  currentWorkspace: method<WorkspaceInfo | null>()(Empty),
  recentWorkspaces: method<RecentWorkspace[]>()(Empty),
  /** `overwrite` replaces an existing file (after a native dialog asked); otherwise an existing file is refused. */
  createWorkspace: method<WorkspaceInfo>()(z.object({ path: WorkspacePath, overwrite: z.boolean().default(false) })),
  openWorkspace: method<WorkspaceInfo>()(z.object({ path: WorkspacePath })),
  saveWorkspaceAs: method<WorkspaceInfo>()(z.object({ path: WorkspacePath, overwrite: z.boolean().default(false) })),
  openDemoWorkspace: method<WorkspaceInfo>()(z.object({ reset: z.boolean().default(false) })),

  listAgents: method<AgentList>()(AgentListQuery),
  getAgent: method<AgentDetail>()(z.object({ id: z.string().min(1).max(100) })),
  createAgent: method<AgentDetail>()(z.object({ draft: AgentDraft })),
  updateAgent: method<AgentDetail>()(z.object({ id: z.string().min(1).max(100), patch: AgentPatch })),
  agentAudit: method<AuditEntry[]>()(z.object({ id: z.string().min(1).max(100) })),

  previewRegistryImport: method<RegistryImportPreview>()(UploadedFile),
  /** All or nothing for the rows imported; `skipRows` names rows (e.g. the preview's invalidRows) to leave out explicitly. */
  startRegistryImport: method<{ jobId: string }>()(
    UploadedFile.extend({ skipRows: z.array(z.number().int().min(1).max(10_000_000)).max(100_000).default([]) }),
  ),
  exportRegistry: method<ExportedFile>()(z.object({ format: z.enum(REGISTRY_FORMATS) })),

  startScan: method<{ jobId: string }>()(z.object({ roots: z.array(z.string().trim().min(1).max(4096)).min(1, 'choose at least one folder').max(50) })),
  listCandidates: method<CandidateList>()(z.object({ decision: z.enum([...CANDIDATE_DECISIONS, 'all']).default('all'), text: z.string().max(200).optional() })),
  getCandidate: method<CandidateDetail>()(z.object({ identityKey: IdentityKey })),
  /** Registry agents the candidate probably already is (name, schedule, entry point, credential), most likely first. */
  candidateMatches: method<CandidateMatch[]>()(z.object({ identityKey: IdentityKey })),
  confirmCandidate: method<AgentDetail>()(z.object({ identityKey: IdentityKey })),
  dismissCandidate: method<CandidateDetail>()(z.object({ identityKey: IdentityKey, reason: z.string().trim().min(1, 'say why it is not an agent').max(2000) })),
  mergeCandidate: method<AgentDetail>()(z.object({ identityKey: IdentityKey, agentId: z.string().min(1).max(100) })),
  reopenCandidate: method<CandidateDetail>()(z.object({ identityKey: IdentityKey })),
  inventory: method<Inventory>()(Empty),
  listRules: method<RuleInfo[]>()(Empty),
  setRuleEnabled: method<RuleInfo>()(z.object({ ruleId: z.string().min(1).max(200), enabled: z.boolean() })),
  /** Reads an OSV file (JSON or ecosystem zip) in a background job; the job's result is an AdvisoryImportResult. */
  startAdvisoryImport: method<{ jobId: string }>()(UploadedFile),

  getJob: method<JobStatus>()(JobRef),
  cancelJob: method<JobStatus>()(JobRef),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];
/** What a caller passes (defaults optional). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (defaults applied, validated). */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

/** What the renderer talks to, whichever host it runs in. Failures throw BackendError. */
export type Backend = { [M in MethodName]: (input: InputOf<M>) => Promise<OutputOf<M>> };

/** What crosses the wire for one call: IPC and HTTP carry this shape. */
export type WireResult<M extends MethodName> = ApiResult<OutputOf<M>>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
