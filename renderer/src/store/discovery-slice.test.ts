import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_AGENT_FIELDS } from '../../../shared/agent';
import type { AgentDetail, CandidateList, InputOf } from '../../../shared/contract';
import type { CandidateDetail, CandidateSummary, RuleInfo, ScanSummary } from '../../../shared/discovery';
import { BackendError } from '../../../shared/errors';
import { fakeBackend, jobStatus, workspaceInfo } from '../testing/fake-backend';
import { SEARCH_DEBOUNCE_MS } from './agents-slice';
import { createAppStore } from './index';
import { JOB_POLL_MS } from './jobs-slice';

const KEY = 'repo|k8s-cronjob|k8s/cronjob.yaml|support-ticket-triage|agent/main.py';

const counters = { filesSeen: 12, filesRead: 10, bytesRead: 4096, skippedBinary: 1, skippedOversized: 0, skippedUnreadable: 0, skippedIgnored: 1, skippedLinks: 0, candidates: 2 };
const scan = (over: Partial<ScanSummary> = {}): ScanSummary => ({
  root: '/srv/repos/support',
  label: 'support',
  finishedAt: '2025-03-01T10:00:00.000Z',
  previousScanAt: null,
  counters,
  changes: { added: [], removed: [], changed: [] },
  warnings: [],
  ...over,
});
const summary = (over: Partial<CandidateSummary> = {}): CandidateSummary => ({
  identityKey: KEY,
  name: 'support-ticket-triage',
  unit: { kind: 'k8s-cronjob', name: 'support-ticket-triage', path: 'k8s/cronjob.yaml' },
  classification: 'agent',
  confidence: 0.95,
  trigger: { kind: 'cron', schedule: '*/30 * * * *', description: 'Every 30 minutes', evidence: null },
  providers: ['openai'],
  frameworks: ['langgraph'],
  models: ['gpt-4o'],
  capabilities: ['data-read', 'data-write'],
  credentialCount: 2,
  endpointCount: 0,
  advisoryCount: 1,
  decision: 'pending',
  agentId: null,
  reason: '',
  sourceRoot: '/srv/repos/support',
  change: null,
  ...over,
});
const detail = (over: Partial<CandidateDetail> = {}): CandidateDetail => ({
  identityKey: KEY,
  name: 'support-ticket-triage',
  unit: { kind: 'k8s-cronjob', name: 'support-ticket-triage', path: 'k8s/cronjob.yaml' },
  entryPoints: ['agent/main.py'],
  codeFiles: ['agent/main.py', 'agent/graph.py'],
  classification: 'agent',
  confidence: 0.95,
  trigger: { kind: 'cron', schedule: '*/30 * * * *', description: 'Every 30 minutes', evidence: null },
  llm: [],
  frameworks: [],
  tools: [],
  capabilities: [],
  credentials: [],
  endpoints: [],
  guardrails: [],
  packages: [],
  decision: 'pending',
  agentId: null,
  reason: '',
  decidedBy: null,
  decidedAt: null,
  sourceRoot: '/srv/repos/support',
  advisories: [],
  ...over,
});
const agentDetail = (over: Partial<AgentDetail> = {}): AgentDetail => ({
  ...DEFAULT_AGENT_FIELDS,
  id: 'agent-7',
  name: 'support-ticket-triage',
  createdAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-01T10:00:00.000Z',
  completeness: { filled: 2, total: 7, missing: ['dataAccess', 'credentials', 'owner', 'lastReviewed', 'rollback'] },
  flags: [],
  ...over,
});
const list = (candidates: CandidateSummary[], scans: ScanSummary[] = [scan()]): CandidateList => ({ candidates, scans });
const rule = (over: Partial<RuleInfo> = {}): RuleInfo => ({ id: 'py.llm.openai-client', description: 'OpenAI client', languages: ['python'], confidence: 0.95, category: 'llm', enabled: true, ...over });

describe('discovery slice', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('accepts absolute folders only, once each, trimmed', () => {
    const store = createAppStore(fakeBackend({}));
    const { addScanRoot } = store.getState();
    expect(addScanRoot('  /srv/repos/support  ')).toBeNull();
    expect(addScanRoot('C:\\repos\\billing')).toBeNull();
    expect(addScanRoot('repos/relative')).toMatch(/not an absolute path/);
    expect(addScanRoot('/srv/repos/support')).toMatch(/already in the list/);
    expect(addScanRoot('   ')).toMatch(/absolute path/);
    expect(store.getState().scanRoots).toEqual(['/srv/repos/support', 'C:\\repos\\billing']);
    store.getState().removeScanRoot('C:\\repos\\billing');
    expect(store.getState().scanRoots).toEqual(['/srv/repos/support']);
  });

  it('scans the folders as a job, keeps the per-folder summaries and reloads the queue', async () => {
    const started: Array<InputOf<'startScan'>> = [];
    const listed: Array<InputOf<'listCandidates'>> = [];
    const result = [scan({ changes: { added: ['nightly-digest'], removed: [], changed: [] } })];
    const answers = [
      jobStatus({ id: 'scan-1', kind: 'scan', progress: { done: 3, total: 10, message: 'agent/graph.py' } }),
      jobStatus({ id: 'scan-1', kind: 'scan', state: 'succeeded', progress: { done: 10, total: 10, message: '' }, result: { kind: 'scan', value: result } }),
    ];
    let polls = 0;
    const store = createAppStore(
      fakeBackend({
        startScan: async (input) => (started.push(input), { jobId: 'scan-1' }),
        getJob: async () => answers[Math.min(polls++, answers.length - 1)]!,
        listCandidates: async (input) => (listed.push(input), list([summary({ change: 'new' })], result)),
      }),
    );
    store.getState().addScanRoot('/srv/repos/support');
    const finished = store.getState().runScan();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().scanPhase).toBe('scanning');
    expect(store.getState().jobs['scan-1']?.progress.done).toBe(3);
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS);
    await expect(finished).resolves.toEqual(result);
    expect(started).toEqual([{ roots: ['/srv/repos/support'] }]);
    expect(listed).toEqual([{ decision: 'pending' }]);
    expect(store.getState()).toMatchObject({ scanPhase: 'succeeded', scanResult: result, scanJobId: null, candidateList: { candidates: [{ change: 'new' }] } });
  });

  it('cancel asks the engine to stop and the scan ends as cancelled, without reloading the queue', async () => {
    let state: 'running' | 'cancelled' = 'running';
    const cancelled: string[] = [];
    const store = createAppStore(
      fakeBackend({
        startScan: async () => ({ jobId: 'scan-2' }),
        getJob: async () => jobStatus({ id: 'scan-2', kind: 'scan', state }),
        cancelJob: async ({ jobId }) => {
          cancelled.push(jobId);
          state = 'cancelled';
          return jobStatus({ id: jobId, kind: 'scan', state });
        },
      }),
    );
    store.getState().addScanRoot('/srv/big');
    const finished = store.getState().runScan();
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS);
    await store.getState().cancelScan();
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS);
    await expect(finished).resolves.toBeNull();
    expect(cancelled).toEqual(['scan-2']);
    expect(store.getState()).toMatchObject({ scanPhase: 'cancelled', scanJobId: null, scanResult: null });
  });

  it('a failed scan keeps the engine’s message verbatim', async () => {
    const store = createAppStore(
      fakeBackend({
        startScan: async () => {
          throw new BackendError('not-found', '/srv/gone is not a folder on this computer.');
        },
      }),
    );
    store.getState().addScanRoot('/srv/gone');
    await store.getState().runScan();
    expect(store.getState()).toMatchObject({ scanPhase: 'failed', scanError: '/srv/gone is not a folder on this computer.' });
  });

  it('lists the folders of earlier scans again on request, without duplicates', async () => {
    const store = createAppStore(fakeBackend({ listCandidates: async () => list([], [scan({ root: '/a' }), scan({ root: '/b' })]) }));
    await store.getState().loadCandidates();
    expect(store.getState().scanRoots).toEqual([]);
    store.getState().addScanRoot('/b');
    store.getState().addScannedRoots();
    expect(store.getState().scanRoots).toEqual(['/b', '/a']);
  });

  it('filters by decision at once and by text after a pause in typing', async () => {
    const listed: Array<InputOf<'listCandidates'>> = [];
    const store = createAppStore(fakeBackend({ listCandidates: async (input) => (listed.push(input), list([])) }));
    store.getState().setCandidateDecisionFilter('dismissed');
    await vi.advanceTimersByTimeAsync(0);
    store.getState().setCandidateSearchText('sup');
    store.getState().setCandidateSearchText('support ');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(listed).toEqual([{ decision: 'dismissed' }, { decision: 'dismissed', text: 'support' }]);
  });

  it('confirm records the decision, re-reads the candidate and refreshes the queue and the workspace', async () => {
    let decided = false;
    const calls: string[] = [];
    const store = createAppStore(
      fakeBackend({
        getCandidate: async () => (calls.push('getCandidate'), decided ? detail({ decision: 'confirmed', agentId: 'agent-7' }) : detail()),
        confirmCandidate: async ({ identityKey }) => {
          expect(identityKey).toBe(KEY);
          decided = true;
          return agentDetail();
        },
        listCandidates: async () => (calls.push('listCandidates'), list([summary({ decision: 'confirmed', agentId: 'agent-7' })])),
        currentWorkspace: async () => (calls.push('currentWorkspace'), workspaceInfo({ agentCount: 1 })),
        recentWorkspaces: async () => [],
      }),
    );
    await store.getState().loadCandidate(KEY);
    const agent = await store.getState().confirmCandidate(KEY);
    await vi.advanceTimersByTimeAsync(0);
    expect(agent?.id).toBe('agent-7');
    expect(store.getState().candidate).toMatchObject({ decision: 'confirmed', agentId: 'agent-7' });
    expect(store.getState().candidateActing).toBeNull();
    expect(calls).toEqual(expect.arrayContaining(['listCandidates', 'currentWorkspace']));
    expect(store.getState().workspace?.agentCount).toBe(1);
  });

  it('a refused dismissal keeps the backend’s message for the dialog and changes nothing', async () => {
    const store = createAppStore(
      fakeBackend({
        getCandidate: async () => detail(),
        dismissCandidate: async () => {
          throw new BackendError('invalid-input', 'Invalid input for dismissCandidate at reason: say why it is not an agent');
        },
      }),
    );
    await store.getState().loadCandidate(KEY);
    expect(await store.getState().dismissCandidate(KEY, ' ')).toBe(false);
    expect(store.getState()).toMatchObject({
      candidateActing: null,
      candidateActionError: 'Invalid input for dismissCandidate at reason: say why it is not an agent',
      candidate: { decision: 'pending' },
    });
  });

  it('dismisses with the reason and reopens', async () => {
    const sent: Array<InputOf<'dismissCandidate'>> = [];
    let current = detail();
    const store = createAppStore(
      fakeBackend({
        getCandidate: async () => current,
        dismissCandidate: async (input) => {
          sent.push(input);
          current = detail({ decision: 'dismissed', reason: input.reason });
          return current;
        },
        reopenCandidate: async () => (current = detail()),
        listCandidates: async () => list([]),
      }),
    );
    expect(await store.getState().dismissCandidate(KEY, 'test fixture')).toBe(true);
    expect(sent).toEqual([{ identityKey: KEY, reason: 'test fixture' }]);
    expect(store.getState().candidate).toMatchObject({ decision: 'dismissed', reason: 'test fixture' });
    expect(await store.getState().reopenCandidate(KEY)).toBe(true);
    expect(store.getState().candidate?.decision).toBe('pending');
  });

  it('remembers which candidate failed to load', async () => {
    const store = createAppStore(
      fakeBackend({
        getCandidate: async () => {
          throw new BackendError('not-found', 'That candidate is not in the latest scan any more; scan the folder again to refresh the list.');
        },
      }),
    );
    await store.getState().loadCandidate('gone');
    expect(store.getState().candidateError).toEqual({ identityKey: 'gone', message: 'That candidate is not in the latest scan any more; scan the folder again to refresh the list.' });
  });

  it('keeps the registry matches of the candidate, and treats a failed match query as none', async () => {
    const match = { agentId: 'a9', agentName: 'Support Ticket Triage', status: 'confirmed' as const, ownerName: null, score: 0.9, reasons: [{ kind: 'name' as const, detail: 'similar name (100%)' }] };
    let fail = false;
    const store = createAppStore(
      fakeBackend({
        candidateMatches: async () => {
          if (fail) throw new BackendError('internal', 'boom');
          return [match];
        },
      }),
    );
    expect(await store.getState().loadCandidateMatches(KEY)).toEqual([match]);
    expect(store.getState().candidateMatches).toEqual({ identityKey: KEY, matches: [match] });
    fail = true;
    expect(await store.getState().loadCandidateMatches(KEY)).toEqual([]);
    expect(store.getState().candidateMatches).toEqual({ identityKey: KEY, matches: [] });
  });

  it('switches a rule with the engine’s answer and keeps the others', async () => {
    const store = createAppStore(
      fakeBackend({
        listRules: async () => [rule(), rule({ id: 'config.credential.env-var', category: 'credential' })],
        setRuleEnabled: async ({ ruleId, enabled }) => rule({ id: ruleId, enabled }),
      }),
    );
    await store.getState().loadRules();
    const saving = store.getState().setRuleEnabled('py.llm.openai-client', false);
    expect(store.getState().rulesSaving).toEqual(['py.llm.openai-client']);
    expect(store.getState().rules?.[0]?.enabled).toBe(false);
    await saving;
    expect(store.getState().rules?.map((r) => [r.id, r.enabled])).toEqual([
      ['py.llm.openai-client', false],
      ['config.credential.env-var', true],
    ]);
    expect(store.getState().rulesSaving).toEqual([]);
  });

  it('puts a rule switch back when the engine refuses it', async () => {
    const store = createAppStore(
      fakeBackend({
        listRules: async () => [rule()],
        setRuleEnabled: async () => {
          throw new BackendError('no-workspace', 'Open a workspace first.');
        },
      }),
    );
    await store.getState().loadRules();
    await store.getState().setRuleEnabled('py.llm.openai-client', false);
    expect(store.getState()).toMatchObject({ rules: [{ enabled: true }], rulesError: 'Open a workspace first.', rulesSaving: [] });
  });

  it('a scan that ends after the workspace was switched does not land in the new one', async () => {
    let finish: (() => void) | undefined;
    const store = createAppStore(
      fakeBackend({
        startScan: () => new Promise((resolve) => (finish = () => resolve({ jobId: 'scan-old' }))),
      }),
    );
    store.getState().addScanRoot('/srv/old');
    const finished = store.getState().runScan();
    store.getState().resetDiscovery();
    finish?.();
    await expect(finished).resolves.toBeNull();
    expect(store.getState()).toMatchObject({ scanPhase: 'idle', scanJobId: null, scanRoots: [] });
  });
});
