import type { AgentStatus, TriggerKind } from '../../../shared/agent';
import type { AgentList, AgentListQuery, AGENT_SORT_KEYS } from '../../../shared/contract';
import type { AgentFlag } from '../../../shared/registry';
import { messageOf, type SliceCreator } from './app-state';

export type AgentSortKey = (typeof AGENT_SORT_KEYS)[number];

export interface AgentFilters {
  text: string;
  statuses: AgentStatus[];
  triggers: TriggerKind[];
  /** null: any owner; 'none': agents without one; otherwise an owner name or email. */
  owner: string | null;
  flags: AgentFlag[];
  sort: AgentSortKey;
  direction: 'asc' | 'desc';
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
}

export const SEARCH_DEBOUNCE_MS = 150;

export const DEFAULT_AGENT_FILTERS: AgentFilters = { text: '', statuses: [], triggers: [], owner: null, flags: [], sort: 'name', direction: 'asc' };

export function listQueryOf(filters: AgentFilters): AgentListQuery {
  const text = filters.text.trim();
  return {
    sort: filters.sort,
    direction: filters.direction,
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
      const agentList = await backend.listAgents(listQueryOf(get().agentFilters));
      if (request === latestRequest) set({ agentList, agentsLoading: false, agentsError: null });
    } catch (error) {
      if (request === latestRequest) set({ agentsLoading: false, agentsError: messageOf(error) });
    }
  };

  return {
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
