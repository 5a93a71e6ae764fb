import type { BlastRadius } from '../../../shared/blast-radius';
import type { AgentSummary, DataSourceSummary } from '../../../shared/contract';
import type { Environment, Sensitivity } from '../../../shared/iam';
import type { BlastRadiusSubject } from '../app/routes';
import { messageOf, type SliceCreator } from './app-state';
import { SEARCH_DEBOUNCE_MS } from './agents-slice';

export interface DataSourceFilters {
  text: string;
  sensitivity: Sensitivity | null;
  environment: Environment | null;
}

export interface BlastRadiusSlice {
  /** The agent picker's list; its own query, so picking here never changes the inventory's filters. */
  blastAgentText: string;
  blastAgents: AgentSummary[] | null;
  blastAgentsError: string | null;
  dataSourceFilters: DataSourceFilters;
  dataSources: DataSourceSummary[] | null;
  dataSourcesLoading: boolean;
  dataSourcesError: string | null;
  /** The graph shown: for which subject (subjectKeyOf), the answer, or why there is none. */
  blast: { subjectKey: string; radius: BlastRadius | null; loading: boolean; error: string | null } | null;
  classifying: string | null;
  loadBlastAgents: () => Promise<void>;
  setBlastAgentText: (text: string) => void;
  loadDataSources: () => Promise<void>;
  setDataSourceFilters: (change: Partial<Omit<DataSourceFilters, 'text'>>) => void;
  setDataSourceText: (text: string) => void;
  loadBlastRadius: (subject: BlastRadiusSubject) => Promise<void>;
  /** null hands the field back to the rules; undefined leaves it as it is. */
  classifyDataSource: (key: string, change: { environment?: Environment | null; sensitivity?: Sensitivity | null }) => Promise<boolean>;
}

export const subjectKeyOf = (subject: BlastRadiusSubject): string => (subject.kind === 'agent' ? `agent:${subject.agentId}` : `data-source:${subject.key}`);

export const DEFAULT_DATA_SOURCE_FILTERS: DataSourceFilters = { text: '', sensitivity: null, environment: null };

export function dataSourceQueryOf(filters: DataSourceFilters) {
  const text = filters.text.trim();
  return {
    ...(text ? { text } : {}),
    ...(filters.sensitivity ? { sensitivity: filters.sensitivity } : {}),
    ...(filters.environment ? { environment: filters.environment } : {}),
  };
}

export const createBlastRadiusSlice: SliceCreator<BlastRadiusSlice> = (backend) => (set, get) => {
  let agentTimer: ReturnType<typeof setTimeout> | undefined;
  let sourceTimer: ReturnType<typeof setTimeout> | undefined;
  // Only the latest answer of each query may land; an older, slower one would show stale rows.
  let latestAgents = 0;
  let latestSources = 0;
  let latestBlast = 0;

  const loadBlastAgents = async () => {
    clearTimeout(agentTimer);
    const request = ++latestAgents;
    const text = get().blastAgentText.trim();
    try {
      const list = await backend.listAgents({ sort: 'name', direction: 'asc', ...(text ? { text } : {}) });
      if (request === latestAgents) set({ blastAgents: list.rows, blastAgentsError: null });
    } catch (error) {
      if (request === latestAgents) set({ blastAgentsError: messageOf(error) });
    }
  };

  const loadDataSources = async () => {
    clearTimeout(sourceTimer);
    const request = ++latestSources;
    set({ dataSourcesLoading: true });
    try {
      const dataSources = await backend.listDataSources(dataSourceQueryOf(get().dataSourceFilters));
      if (request === latestSources) set({ dataSources, dataSourcesLoading: false, dataSourcesError: null });
    } catch (error) {
      if (request === latestSources) set({ dataSourcesLoading: false, dataSourcesError: messageOf(error) });
    }
  };

  return {
    blastAgentText: '',
    blastAgents: null,
    blastAgentsError: null,
    dataSourceFilters: DEFAULT_DATA_SOURCE_FILTERS,
    dataSources: null,
    dataSourcesLoading: false,
    dataSourcesError: null,
    blast: null,
    classifying: null,
    loadBlastAgents,
    setBlastAgentText: (text) => {
      set({ blastAgentText: text });
      clearTimeout(agentTimer);
      agentTimer = setTimeout(() => void loadBlastAgents(), SEARCH_DEBOUNCE_MS);
    },
    loadDataSources,
    setDataSourceFilters: (change) => {
      set((s) => ({ dataSourceFilters: { ...s.dataSourceFilters, ...change } }));
      void loadDataSources();
    },
    setDataSourceText: (text) => {
      set((s) => ({ dataSourceFilters: { ...s.dataSourceFilters, text } }));
      clearTimeout(sourceTimer);
      sourceTimer = setTimeout(() => void loadDataSources(), SEARCH_DEBOUNCE_MS);
    },
    loadBlastRadius: async (subject) => {
      const request = ++latestBlast;
      const subjectKey = subjectKeyOf(subject);
      // Reloading the same subject keeps the graph on screen until the new answer lands.
      set((s) => ({ blast: { subjectKey, radius: s.blast?.subjectKey === subjectKey ? s.blast.radius : null, loading: true, error: null } }));
      try {
        const radius = subject.kind === 'agent' ? await backend.blastRadius({ agentId: subject.agentId }) : await backend.whoCanReach({ dataSourceKey: subject.key });
        if (request === latestBlast) set({ blast: { subjectKey, radius, loading: false, error: null } });
      } catch (error) {
        if (request === latestBlast) set({ blast: { subjectKey, radius: null, loading: false, error: messageOf(error) } });
      }
    },
    classifyDataSource: async (key, change) => {
      set({ classifying: key });
      try {
        const updated = await backend.classifyDataSource({ key, ...change });
        set((s) => ({ dataSources: s.dataSources?.map((d) => (d.key === key ? updated : d)) ?? null }));
        get().notify('success', `Classified ${updated.name}: ${updated.environment}, ${updated.sensitivity}`);
        // Sensitivity orders the paths and colours the graph: ask again for what is on screen.
        const shown = get().blast;
        if (shown && shown.radius) void get().loadBlastRadius(shown.radius.focus.kind === 'agent' ? { kind: 'agent', agentId: shown.radius.focus.agentId } : { kind: 'data-source', key: shown.radius.focus.key });
        return true;
      } catch (error) {
        get().notify('error', `Could not classify the data source: ${messageOf(error)}`);
        return false;
      } finally {
        set({ classifying: null });
      }
    },
  };
};
