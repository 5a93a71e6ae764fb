import type { AgentStatus, TriggerKind } from '../../../shared/agent';
import type { AgentList, AgentListQuery, AGENT_SORT_KEYS } from '../../../shared/contract';
import type { CandidateDetail } from '../../../shared/discovery';
import type { AgentFlag } from '../../../shared/registry';
import type { ActivityState } from '../../../shared/usage';
import { messageOf, type SliceCreator } from './app-state';

/** The engine's sort keys, and 'risk': the Triage page's priority order, applied here (the list query knows nothing of risk). */
export type AgentSortKey = (typeof AGENT_SORT_KEYS)[number] | 'risk';

export interface AgentFilters {
  text: string;
  statuses: AgentStatus[];
  triggers: TriggerKind[];
  /** null: any owner; 'none': agents without one; otherwise an owner name or email. */
  owner: string | null;
  flags: AgentFlag[];
  /** Filtered here, not by the engine: the list query has no activity, and the activity map is already loaded. */
  activity: ActivityState | null;
  sort: AgentSortKey;
  direction: 'asc' | 'desc';
}

/** Code against runtime: each agent's activity in the imported usage, and the spenders nobody accounts for. */
export interface AgentActivity {
  /** Agent id to state; an agent missing from it is not observed. */
  byAgent: Record<string, ActivityState>;
  /** First and last day of imported usage; null when none was imported (every agent is then "not observed" by default, not by evidence). */
  period: { from: string; to: string } | null;
  /** Ghosts: pending discovery candidates of unit kind 'llm-usage' (a key or agent tag spending with no code or registry entry), with their usage evidence. */
  ghosts: CandidateDetail[];
}

export interface AgentsSlice {
  agentFilters: AgentFilters;
  agentList: AgentList | null;
  agentsLoading: boolean;
  agentsError: string | null;
  loadAgents: () => Promise<void>;
  setAgentFilters: (change: Partial<Omit<AgentFilters, 'text'>>) => void;
  /** Typing is debounced so a 10,000-row workspace is queried once per pause, not per key. */
  setAgentSearchText: (text: string) => void;
  sortAgentsBy: (key: AgentSortKey) => void;
  clearAgentFilters: () => void;

  agentActivity: AgentActivity | null;
  agentActivityError: string | null;
  loadAgentActivity: () => Promise<void>;
  /** Client-side: no new list query. */
  setAgentActivityFilter: (activity: ActivityState | null) => void;
}

/** What an agent counts as when the activity map does not name it. */
export const activityOf = (activity: AgentActivity, agentId: string): ActivityState => activity.byAgent[agentId] ?? 'not-observed';

export const SEARCH_DEBOUNCE_MS = 150;

export const DEFAULT_AGENT_FILTERS: AgentFilters = { text: '', statuses: [], triggers: [], owner: null, flags: [], activity: null, sort: 'risk', direction: 'asc' };

export function listQueryOf(filters: AgentFilters): AgentListQuery {
  const text = filters.text.trim();
  return {
    // By risk: the engine lists by name, and the page orders by the triage overview.
    sort: filters.sort === 'risk' ? 'name' : filters.sort,
    direction: filters.sort === 'risk' ? 'asc' : filters.direction,
    ...(text ? { text } : {}),
    ...(filters.statuses.length ? { statuses: filters.statuses } : {}),
    ...(filters.triggers.length ? { triggers: filters.triggers } : {}),
    ...(filters.owner !== null ? { owner: filters.owner } : {}),
    ...(filters.flags.length ? { flags: filters.flags } : {}),
  };
}

export const createAgentsSlice: SliceCreator<AgentsSlice> = (backend) => (set, get) => {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  // Only the answer to the latest query may land; an older, slower one would show stale rows.
  let latestRequest = 0;

  const loadAgents = async () => {
    clearTimeout(searchTimer);
    const request = ++latestRequest;
    set({ agentsLoading: true });
    try {
      // By risk, the list and its ranking land together: rows shown in one order and re-ranked a
      // moment later would jump under a click (a first visit, agents just imported or created).
      const byRisk = get().agentFilters.sort === 'risk';
      const [agentList, ranking] = await Promise.all([
        backend.listAgents(listQueryOf(get().agentFilters)),
        byRisk ? backend.triageOverview({}).then((data) => ({ data, error: null }), (error: unknown) => ({ data: null, error: messageOf(error) })) : null,
      ]);
      if (request !== latestRequest) return;
      if (ranking === null) set({ agentList, agentsLoading: false, agentsError: null });
      else set((s) => ({ agentList, agentsLoading: false, agentsError: null, triageOverview: { data: ranking.data ?? s.triageOverview.data, loading: false, error: ranking.error } }));
    } catch (error) {
      if (request === latestRequest) set({ agentsLoading: false, agentsError: messageOf(error) });
    }
  };

  let latestActivity = 0;
  /** The llm-usage candidates still waiting for a decision, each read whole for its usage evidence. */
  const loadGhosts = async (): Promise<CandidateDetail[]> => {
    const pending = await backend.listCandidates({ decision: 'pending' });
    const keys = pending.candidates.filter((c) => c.unit.kind === 'llm-usage').map((c) => c.identityKey);
    return Promise.all(keys.map((identityKey) => backend.getCandidate({ identityKey })));
  };

  return {
    agentActivity: null,
    agentActivityError: null,
    loadAgentActivity: async () => {
      const request = ++latestActivity;
      try {
        const [byAgent, overview, ghosts] = await Promise.all([backend.agentActivity({}), backend.usageOverview({}), loadGhosts()]);
        if (request === latestActivity) set({ agentActivity: { byAgent, period: overview.period, ghosts }, agentActivityError: null });
      } catch (error) {
        if (request === latestActivity) set({ agentActivity: null, agentActivityError: messageOf(error) });
      }
    },
    setAgentActivityFilter: (activity) => set((s) => ({ agentFilters: { ...s.agentFilters, activity } })),
    agentFilters: DEFAULT_AGENT_FILTERS,
    agentList: null,
    agentsLoading: false,
    agentsError: null,
    loadAgents,
    setAgentFilters: (change) => {
      set((s) => ({ agentFilters: { ...s.agentFilters, ...change } }));
      void loadAgents();
    },
    setAgentSearchText: (text) => {
      set((s) => ({ agentFilters: { ...s.agentFilters, text } }));
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void loadAgents(), SEARCH_DEBOUNCE_MS);
    },
    sortAgentsBy: (key) => {
      const { sort, direction } = get().agentFilters;
      get().setAgentFilters({ sort: key, direction: sort === key && direction === 'asc' ? 'desc' : 'asc' });
    },
    clearAgentFilters: () => {
      const { sort, direction } = get().agentFilters;
      set({ agentFilters: { ...DEFAULT_AGENT_FILTERS, sort, direction } });
      void loadAgents();
    },
  };
};
