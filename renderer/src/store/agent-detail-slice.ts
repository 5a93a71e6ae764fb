import type { AgentDraft, AgentPatch } from '../../../shared/agent';
import type { AgentDetail, AgentUsage, AuditEntry } from '../../../shared/contract';
import { BackendError, type ApiErrorData } from '../../../shared/errors';
import { messageOf, type SliceCreator } from './app-state';

export type AgentSave = { id: string; patch: AgentPatch } | { draft: AgentDraft };

export interface AgentDetailSlice {
  agent: AgentDetail | null;
  agentAudit: AuditEntry[];
  agentLoading: boolean;
  /** Names the agent it is about, so a page for another agent never shows a stale failure. */
  agentError: { agentId: string; message: string } | null;
  agentSaving: boolean;
  /** Kept whole (not just the message) because invalid-input details name the fields at fault. */
  agentSaveError: ApiErrorData | null;
  loadAgent: (id: string) => Promise<void>;
  /** Resolves to the saved agent, or null when the backend refused (see agentSaveError). */
  saveAgent: (save: AgentSave) => Promise<AgentDetail | null>;
  clearAgentSaveError: () => void;
  clearAgent: () => void;
  /** The agent's LLM usage and cost, read with its detail; its failure never stops the page. */
  agentUsage: { agentId: string; value: AgentUsage | null; error: string | null } | null;
}

function errorDataOf(error: unknown): ApiErrorData {
  return error instanceof BackendError ? error.toData() : { code: 'internal', message: messageOf(error) };
}

export const createAgentDetailSlice: SliceCreator<AgentDetailSlice> = (backend) => (set, get) => {
  let latestLoad = 0;

  const loadUsage = async (agentId: string) => {
    set({ agentUsage: { agentId, value: null, error: null } });
    try {
      const value = await backend.agentUsage({ agentId });
      if (get().agentUsage?.agentId === agentId) set({ agentUsage: { agentId, value, error: null } });
    } catch (error) {
      if (get().agentUsage?.agentId === agentId) set({ agentUsage: { agentId, value: null, error: messageOf(error) } });
    }
  };

  const refreshAudit = async (id: string) => {
    try {
      const agentAudit = await backend.agentAudit({ id });
      if (get().agent?.id === id) set({ agentAudit });
    } catch {
      // The save itself succeeded; a stale audit list is shown until the next load rather than a false failure.
    }
  };

  return {
    agent: null,
    agentAudit: [],
    agentLoading: false,
    agentError: null,
    agentSaving: false,
    agentSaveError: null,
    agentUsage: null,
    loadAgent: async (id) => {
      const load = ++latestLoad;
      set({ agentLoading: true, agentError: null, agentSaveError: null });
      const usage = loadUsage(id);
      try {
        const [agent, agentAudit] = await Promise.all([backend.getAgent({ id }), backend.agentAudit({ id })]);
        if (load === latestLoad) set({ agent, agentAudit, agentLoading: false });
      } catch (error) {
        if (load === latestLoad) set({ agent: null, agentAudit: [], agentLoading: false, agentError: { agentId: id, message: messageOf(error) } });
      }
      await usage;
    },
    saveAgent: async (save) => {
      set({ agentSaving: true, agentSaveError: null });
      try {
        const agent = 'id' in save ? await backend.updateAgent(save) : await backend.createAgent(save);
        latestLoad++;
        set({ agent, agentSaving: false, agentError: null });
        await refreshAudit(agent.id);
        return agent;
      } catch (error) {
        set({ agentSaving: false, agentSaveError: errorDataOf(error) });
        return null;
      }
    },
    clearAgentSaveError: () => set({ agentSaveError: null }),
    clearAgent: () => {
      latestLoad++;
      set({ agent: null, agentAudit: [], agentLoading: false, agentError: null, agentSaving: false, agentSaveError: null, agentUsage: null });
    },
  };
};
