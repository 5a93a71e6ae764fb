import { z } from 'zod';
import type { ApiErrorData } from '../errors';
import type { CloudProvider } from '../iam';
import { IAM_FORMATS } from '../iam';
import type { ManifestDiff } from '../manifest';
import { USAGE_FORMATS } from '../usage';
import { Empty, method } from './method';
import type { RegistryImportPreview } from './registry';
import { UploadedFile } from './uploaded-file';

/**
 * The one import pipeline every file format goes through: detect (from content) -> parse -> plan
 * (a preview with per-item errors and warnings) -> apply in one transaction, as a cancellable job.
 * Every applied file leaves an `imports` record (provenance); importing the same source again
 * (same format and account/project/tenant/cluster) replaces that source's facts and keeps every
 * decision a person made.
 */

export const IMPORT_FORMATS = ['registry-csv', 'registry-xlsx', 'osv', ...IAM_FORMATS, ...USAGE_FORMATS, 'productive-units-csv', 'agent-manifest'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  'registry-csv': 'Agent registry (CSV)',
  'registry-xlsx': 'Agent registry (Excel)',
  osv: 'OSV advisories',
  'aws-authorization-details': 'AWS IAM authorization details',
  'aws-credential-report': 'AWS IAM credential report',
  'gcp-iam-policy': 'GCP project IAM policy',
  'gcp-asset-iam-policies': 'GCP asset IAM policies',
  'gcp-service-accounts': 'GCP service accounts',
  'gcp-service-account-keys': 'GCP service account keys',
  'azure-role-assignments': 'Azure role assignments',
  'kubernetes-rbac': 'Kubernetes RBAC',
  'openai-usage': 'OpenAI usage (API JSON)',
  'openai-costs': 'OpenAI costs (API JSON)',
  'openai-usage-csv': 'OpenAI usage (dashboard CSV)',
  'anthropic-usage': 'Anthropic usage report',
  'anthropic-cost': 'Anthropic cost report',
  'litellm-spend-csv': 'LiteLLM spend logs (CSV)',
  'litellm-spend-json': 'LiteLLM spend logs (JSON)',
  'otel-genai': 'OpenTelemetry GenAI traces',
  'productive-units-csv': 'Productive units (CSV)',
  'agent-manifest': 'Agents manifest (YAML)',
};

/** A problem found in one file, with where: "line 12", "RoleDetailList[4].RolePolicyList[0]", "row 7, column Owner". */
export interface ImportIssue {
  position: string;
  message: string;
}

export interface ImportRecord {
  id: number;
  fileName: string;
  sha256: string;
  format: ImportFormat;
  formatLabel: string;
  provider: CloudProvider | null;
  /** The account, project, tenant or cluster the file describes ('' when it does not say). */
  scope: string;
  importedAt: string;
  actor: string;
  via: string;
  /** Per kind, what a person checks against the console: users, roles, policies, bindings, data sources, rows... */
  counts: Record<string, number>;
  warnings: number;
}

export interface ImportPreview {
  fileName: string;
  sha256: string;
  /** Null when the file is in no format the app reads (then `errors` says what it expected). */
  format: ImportFormat | null;
  formatLabel: string;
  provider: CloudProvider | null;
  scope: string;
  counts: Record<string, number>;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** The earlier import of the same source this one replaces (its facts go; decisions stay). */
  replaces: ImportRecord | null;
  /** Registry files only: the row-by-row plan the Import dialog shows (and the CLI's `registry import`). */
  registry: RegistryImportPreview | null;
  /** Agents manifests only: per agent, what differs from the workspace and what importing applies. */
  manifest?: ManifestDiff | null;
  /** Why the file cannot be imported at all (unknown format, malformed, over a limit), as the error it would fail with; also in `errors`. */
  refusal: ApiErrorData | null;
}

/**
 * A file on this machine, by path: only the command line may name one (the engine refuses paths
 * from a renderer, which must never choose what the engine reads). Lets a 200 MB export be read
 * in a job, in chunks, instead of crossing the contract as base64.
 */
export const LocalFile = z.object({ fileName: z.string().min(1).max(1024), path: z.string().min(1).max(4096) });
export type LocalFile = z.infer<typeof LocalFile>;

const Files = z.array(z.union([UploadedFile, LocalFile])).min(1, 'choose at least one file').max(50, 'import at most 50 files at a time');

export const importsContract = {
  /** Reads each file in a background job and says what importing it would do; nothing is written. */
  previewImport: method<ImportPreview[]>()(z.object({ files: Files })),
  /** Imports every file in one transaction (all files or none); the job's result lists the import records. */
  startImport: method<{ jobId: string }>()(
    z.object({
      files: Files,
      /** Registry rows the person chose to leave out, by file name. */
      skipRows: z.record(z.string().max(1024), z.array(z.number().int().min(1).max(10_000_000)).max(100_000)).default({}),
    }),
  ),
  listImports: method<ImportRecord[]>()(Empty),
} as const;
