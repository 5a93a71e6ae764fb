import type { AgentDetail, AgentSummary, CandidateList } from '../../../shared/contract';
import type { CandidateMatch } from '../../../shared/candidate-match';
import type { CandidateDecision, CandidateDetail, RuleInfo, ScanSummary } from '../../../shared/discovery';
import { messageOf, type SliceCreator } from './app-state';
import { SEARCH_DEBOUNCE_MS } from './agents-slice';

export type ScanPhase = 'idle' | 'scanning' | 'succeeded' | 'cancelled' | 'failed';
export type CandidateDecisionFilter = CandidateDecision | 'all';
export type CandidateAction = 'confirm' | 'dismiss' | 'merge' | 'reopen';
export type DiscoveryTab = 'queue' | 'rules';

export interface CandidateFilter {
  decision: CandidateDecisionFilter;
  text: string;
}

export interface DiscoverySlice {
  discoveryTab: DiscoveryTab;
  setDiscoveryTab: (tab: DiscoveryTab) => void;

  /** Folders the next scan reads; kept while the person moves between pages. */
  scanRoots: string[];
  scanPhase: ScanPhase;
  scanJobId: string | null;
  scanError: string | null;
  /** What the scan run from this page found, one summary per folder; null until one succeeded. */
  scanResult: ScanSummary[] | null;
  /** Returns why the folder was refused, or null when it was added. */
  addScanRoot: (path: string) => string | null;
  removeScanRoot: (path: string) => void;
  /** Lists again the folders the workspace's earlier scans read, to scan them again. */
  addScannedRoots: () => void;
  /** Resolves to the per-folder summaries, or null when the scan failed or was cancelled. */
  runScan: () => Promise<ScanSummary[] | null>;
  cancelScan: () => Promise<void>;

  candidateFilter: CandidateFilter;
  candidateList: CandidateList | null;
  candidatesLoading: boolean;
  candidatesError: string | null;
  loadCandidates: () => Promise<void>;
  setCandidateDecisionFilter: (decision: CandidateDecisionFilter) => void;
  /** Debounced like the agent search: one query per pause in typing. */
  setCandidateSearchText: (text: string) => void;

  candidate: CandidateDetail | null;
  /** Names the candidate it is about, so another candidate's page never shows a stale failure. */
  candidateError: { identityKey: string; message: string } | null;
  candidateActing: CandidateAction | null;
  /** The backend's refusal of the last decision, verbatim. */
  candidateActionError: string | null;
  loadCandidate: (identityKey: string) => Promise<void>;
  /** Resolves to the registry agent it became, or null when refused (see candidateActionError). */
  confirmCandidate: (identityKey: string) => Promise<AgentDetail | null>;
  dismissCandidate: (identityKey: string, reason: string) => Promise<boolean>;
  mergeCandidate: (identityKey: string, agentId: string) => Promise<AgentDetail | null>;
  reopenCandidate: (identityKey: string) => Promise<boolean>;
  clearCandidateActionError: () => void;

  /** Registry agents the open candidate probably already is, most likely first; proposed before confirming it as new. */
  candidateMatches: { identityKey: string; matches: CandidateMatch[] } | null;
  /** Asks the engine again (the registry may have changed) and resolves to the matches; [] when the engine could not say. */
  loadCandidateMatches: (identityKey: string) => Promise<CandidateMatch[]>;

  /** Registry agents a candidate can be merged into, for the merge dialog's search. */
  mergeTargets: AgentSummary[] | null;
  mergeTargetsError: string | null;
  searchMergeTargets: (text: string) => Promise<void>;

  rules: RuleInfo[] | null;
  rulesError: string | null;
  /** Rule ids whose switch is on its way to the engine. */
  rulesSaving: string[];
  loadRules: () => Promise<void>;
  setRuleEnabled: (ruleId: string, enabled: boolean) => Promise<void>;

  /** Advisory counts on candidates depend on the advisories the workspace knows: read them again after an OSV import (in the one Import dialog). */
  refreshAdvisoryCounts: () => void;

  /** Forgets everything about the previous workspace. */
  resetDiscovery: () => void;
}

/** Absolute on POSIX (/srv/repos), Windows (C:\repos, C:/repos) or a UNC share (\\server\repos). */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\)/;

export function scanRootProblem(path: string, roots: readonly string[]): string | null {
  if (path === '') return 'Type the absolute path of a folder to scan.';
  if (!ABSOLUTE_PATH.test(path)) return `“${path}” is not an absolute path; start it at the root, e.g. /home/you/repos/payments.`;
  if (roots.includes(path)) return `${path} is already in the list.`;
  return null;
}

export const DEFAULT_CANDIDATE_FILTER: CandidateFilter = { decision: 'pending', text: '' };

type ResettableState = Pick<
  DiscoverySlice,
  | 'discoveryTab'
  | 'scanRoots'
  | 'scanPhase'
  | 'scanJobId'
  | 'scanError'
  | 'scanResult'
  | 'candidateFilter'
  | 'candidateList'
  | 'candidatesLoading'
  | 'candidatesError'
  | 'candidate'
  | 'candidateError'
  | 'candidateActing'
  | 'candidateActionError'
  | 'candidateMatches'
  | 'mergeTargets'
  | 'mergeTargetsError'
  | 'rules'
  | 'rulesError'
  | 'rulesSaving'
>;

const INITIAL: ResettableState = {
  discoveryTab: 'queue',
  scanRoots: [],
  scanPhase: 'idle',
  scanJobId: null,
  scanError: null,
  scanResult: null,
  candidateFilter: DEFAULT_CANDIDATE_FILTER,
  candidateList: null,
  candidatesLoading: false,
  candidatesError: null,
  candidate: null,
  candidateError: null,
  candidateActing: null,
  candidateActionError: null,
  candidateMatches: null,
  mergeTargets: null,
  mergeTargetsError: null,
  rules: null,
  rulesError: null,
  rulesSaving: [],
};

export const createDiscoverySlice: SliceCreator<DiscoverySlice> = (backend) => (set, get) => {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  // Answers to an older query, or for the workspace that was open before, must not land.
  let latestList = 0;
  let latestCandidate = 0;
  let latestTargets = 0;
  let latestMatches = 0;
  let generation = 0;

  const loadCandidates = async () => {
    clearTimeout(searchTimer);
    const request = ++latestList;
    const { decision, text } = get().candidateFilter;
    set({ candidatesLoading: true });
    try {
      const candidateList = await backend.listCandidates({ decision, ...(text.trim() ? { text: text.trim() } : {}) });
      if (request === latestList) set({ candidateList, candidatesLoading: false, candidatesError: null });
    } catch (error) {
      if (request === latestList) set({ candidatesLoading: false, candidatesError: messageOf(error) });
    }
  };

  const refreshCandidate = async (identityKey: string) => {
    const load = ++latestCandidate;
    const candidate = await backend.getCandidate({ identityKey });
    if (load === latestCandidate) set({ candidate, candidateError: null });
  };

  /** Runs one decision; the page then shows the candidate as the engine now has it. */
  const decide = async <T>(action: CandidateAction, identityKey: string, call: () => Promise<T>): Promise<T | null> => {
    set({ candidateActing: action, candidateActionError: null });
    try {
      const result = await call();
      set({ candidateActing: null });
      try {
        await refreshCandidate(identityKey);
      } catch {
        // The decision was recorded; a failed re-read leaves the page as it was until the next load.
      }
      void loadCandidates();
      return result;
    } catch (error) {
      set({ candidateActing: null, candidateActionError: messageOf(error) });
      return null;
    }
  };

  return {
    ...INITIAL,
    setDiscoveryTab: (discoveryTab) => set({ discoveryTab }),

    addScanRoot: (raw) => {
      const path = raw.trim();
      const problem = scanRootProblem(path, get().scanRoots);
      if (problem === null) set((s) => ({ scanRoots: [...s.scanRoots, path] }));
      return problem;
    },
    removeScanRoot: (path) => set((s) => ({ scanRoots: s.scanRoots.filter((r) => r !== path) })),
    addScannedRoots: () => {
      const scanned = get().candidateList?.scans.map((s) => s.root) ?? [];
      set((s) => ({ scanRoots: [...s.scanRoots, ...scanned.filter((r) => !s.scanRoots.includes(r))] }));
    },

    runScan: async () => {
      const roots = get().scanRoots;
      if (roots.length === 0 || get().scanPhase === 'scanning') return null;
      const started = generation;
      set({ scanPhase: 'scanning', scanError: null, scanJobId: null });
      try {
        const { jobId } = await backend.startScan({ roots });
        if (started !== generation) return null;
        set({ scanJobId: jobId });
        const status = await get().trackJob(jobId);
        if (started !== generation) return null;
        if (status.state === 'succeeded' && status.result?.kind === 'scan') {
          const scanResult = status.result.value;
          set({ scanPhase: 'succeeded', scanJobId: null, scanResult });
          await loadCandidates();
          return scanResult;
        }
        if (status.state === 'cancelled') set({ scanPhase: 'cancelled', scanJobId: null });
        else set({ scanPhase: 'failed', scanJobId: null, scanError: status.error?.message ?? 'The scan stopped without saying why; the workspace was left as it was.' });
      } catch (error) {
        if (started === generation) set({ scanPhase: 'failed', scanJobId: null, scanError: messageOf(error) });
      }
      return null;
    },
    cancelScan: async () => {
      const jobId = get().scanJobId;
      if (!jobId) return;
      try {
        await get().cancelJob(jobId);
      } catch (error) {
        get().notify('error', `Could not cancel the scan: ${messageOf(error)}`);
      }
    },

    loadCandidates,
    setCandidateDecisionFilter: (decision) => {
      set((s) => ({ candidateFilter: { ...s.candidateFilter, decision } }));
      void loadCandidates();
    },
    setCandidateSearchText: (text) => {
      set((s) => ({ candidateFilter: { ...s.candidateFilter, text } }));
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void loadCandidates(), SEARCH_DEBOUNCE_MS);
    },

    loadCandidate: async (identityKey) => {
      const load = ++latestCandidate;
      set({ candidateError: null, candidateActionError: null, ...(get().candidate?.identityKey === identityKey ? {} : { candidate: null }) });
      try {
        const candidate = await backend.getCandidate({ identityKey });
        if (load === latestCandidate) set({ candidate });
      } catch (error) {
        if (load === latestCandidate) set({ candidate: null, candidateError: { identityKey, message: messageOf(error) } });
      }
    },
    confirmCandidate: async (identityKey) => {
      const agent = await decide('confirm', identityKey, () => backend.confirmCandidate({ identityKey }));
      // The registry grew: the top bar's count and the Inventory list are stale.
      if (agent) void get().loadWorkspace();
      return agent;
    },
    dismissCandidate: async (identityKey, reason) => (await decide('dismiss', identityKey, () => backend.dismissCandidate({ identityKey, reason }))) !== null,
    mergeCandidate: (identityKey, agentId) => decide('merge', identityKey, () => backend.mergeCandidate({ identityKey, agentId })),
    reopenCandidate: async (identityKey) => (await decide('reopen', identityKey, () => backend.reopenCandidate({ identityKey }))) !== null,
    clearCandidateActionError: () => set({ candidateActionError: null }),

    loadCandidateMatches: async (identityKey) => {
      const request = ++latestMatches;
      let matches: CandidateMatch[] = [];
      try {
        matches = await backend.candidateMatches({ identityKey });
      } catch {
        // Matching only advises; the person can still merge by hand, so a failure must not block the decision.
      }
      if (request === latestMatches) set({ candidateMatches: { identityKey, matches } });
      return matches;
    },

    searchMergeTargets: async (text) => {
      const request = ++latestTargets;
      try {
        const list = await backend.listAgents({ ...(text.trim() ? { text: text.trim() } : {}), sort: 'name', limit: 200 });
        if (request === latestTargets) set({ mergeTargets: list.rows, mergeTargetsError: null });
      } catch (error) {
        if (request === latestTargets) set({ mergeTargetsError: messageOf(error) });
      }
    },

    loadRules: async () => {
      try {
        set({ rules: await backend.listRules({}), rulesError: null });
      } catch (error) {
        set({ rulesError: messageOf(error) });
      }
    },
    setRuleEnabled: async (ruleId, enabled) => {
      // The switch moves at once, as a checkbox should; a refusal puts it back and says why.
      const show = (on: boolean) => set((s) => ({ rules: s.rules?.map((r) => (r.id === ruleId ? { ...r, enabled: on } : r)) ?? null }));
      show(enabled);
      set((s) => ({ rulesSaving: [...s.rulesSaving, ruleId], rulesError: null }));
      try {
        const rule = await backend.setRuleEnabled({ ruleId, enabled });
        set((s) => ({ rules: s.rules?.map((r) => (r.id === rule.id ? rule : r)) ?? null }));
      } catch (error) {
        show(!enabled);
        set({ rulesError: messageOf(error) });
      } finally {
        set((s) => ({ rulesSaving: s.rulesSaving.filter((id) => id !== ruleId) }));
      }
    },

    refreshAdvisoryCounts: () => {
      void loadCandidates();
      const open = get().candidate;
      if (open) void refreshCandidate(open.identityKey).catch(() => undefined);
    },

    resetDiscovery: () => {
      generation++;
      latestList++;
      latestCandidate++;
      latestTargets++;
      latestMatches++;
      clearTimeout(searchTimer);
      set({ ...INITIAL });
    },
  };
};
