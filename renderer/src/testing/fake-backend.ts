import type { Backend, MethodName } from '../../../shared/contract';
import type { AgentSummary, ImportRecord, JobStatus, WorkspaceInfo } from '../../../shared/contract';
import { backendFromCall } from '../backend/backend-from-call';

/**
 * A Backend for unit tests of UI state: each test supplies only the methods it expects to be
 * called, and any other call fails loudly instead of returning a made-up answer.
 */
export function fakeBackend(methods: Partial<Backend>): Backend {
  const implemented = methods as Partial<Record<MethodName, (input: unknown) => Promise<unknown>>>;
  return backendFromCall(async (method, input) => {
    const impl = implemented[method];
    if (!impl) throw new Error(`fakeBackend: ${method} was not expected in this test`);
    return (await impl(input)) as never;
  });
}

export const workspaceInfo = (over: Partial<WorkspaceInfo> = {}): WorkspaceInfo => ({
  path: '/tmp/acme.atw',
  name: 'acme',
  isDemo: false,
  schemaVersion: 1,
  agentCount: 0,
  createdAt: '2025-01-01T00:00:00.000Z',
  ...over,
});

export const agentSummary = (over: Partial<AgentSummary> = {}): AgentSummary => ({
  id: 'a1',
  name: 'invoice-bot',
  status: 'candidate',
  triggerKind: 'cron',
  schedule: '0 * * * *',
  ownerName: null,
  ownerEmail: null,
  lastReviewed: null,
  environment: 'prod',
  vendor: '',
  completeness: { filled: 2, total: 7, missing: ['dataAccess', 'credentials', 'owner', 'lastReviewed', 'rollback'] },
  flags: ['no-rollback'],
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...over,
});

export const jobStatus = (over: Partial<JobStatus> = {}): JobStatus => ({
  id: 'job-1',
  kind: 'import',
  title: 'Import registry',
  state: 'running',
  progress: { done: 0, total: 10, message: '' },
  startedAt: '2025-01-01T00:00:00.000Z',
  endedAt: null,
  result: null,
  error: null,
  ...over,
});

export const importRecord = (over: Partial<ImportRecord> = {}): ImportRecord => ({
  id: 1,
  fileName: 'agents.csv',
  sha256: 'a'.repeat(64),
  format: 'registry-csv',
  formatLabel: 'Agent registry (CSV)',
  provider: null,
  scope: '',
  importedAt: '2025-01-01T00:00:00.000Z',
  actor: 'ana',
  via: 'ui',
  counts: {},
  warnings: 0,
  ...over,
});
