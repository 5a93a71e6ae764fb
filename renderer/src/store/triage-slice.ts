import type { IrreversibleRegisterRow } from '../../../shared/answer-card';
import type { ChecklistRow, TriageRow } from '../../../shared/checklist';
import type { AgentTriage, InputOf } from '../../../shared/contract';
import { messageOf, type SliceCreator } from './app-state';
import type { Loadable } from './usage-slice';

export type AttestInput = InputOf<'attestChecklistItem'>;

export interface TriageSlice {
  /** Every agent, highest risk first, as the engine ordered them. */
  triageOverview: Loadable<TriageRow[]>;
  /** The checklist on screen: for which agent, the answer, or why there is none. */
  agentTriage: ({ agentId: string } & Loadable<AgentTriage>) | null;
  /** Every agent's irreversible actions, unreviewed first, as the engine ordered them. */
  irreversibleRegister: Loadable<IrreversibleRegisterRow[]>;
  /** The item key being attested, while the engine answers. */
  attesting: string | null;
  /** Why the last attestation was refused, in the engine's words; shown in the dialog. */
  attestError: string | null;
  loadTriageOverview: () => Promise<void>;
  loadAgentTriage: (agentId: string) => Promise<void>;
  loadIrreversibleRegister: () => Promise<void>;
  /** Resolves true once saved; the row is replaced at once, then the risk and the overview are read again. */
  attestChecklistItem: (input: AttestInput) => Promise<boolean>;
  clearAttestError: () => void;
}

export const createTriageSlice: SliceCreator<TriageSlice> = (backend) => (set, get) => {
  // Only the latest answer of each query may land; an older, slower one would show stale rows.
  let latestOverview = 0;
  let latestAgent = 0;
  let latestRegister = 0;

  const loadTriageOverview = async () => {
    const request = ++latestOverview;
    set((s) => ({ triageOverview: { ...s.triageOverview, loading: true } }));
    try {
      const data = await backend.triageOverview({});
      if (request === latestOverview) set({ triageOverview: { data, loading: false, error: null } });
    } catch (error) {
      if (request === latestOverview) set((s) => ({ triageOverview: { data: s.triageOverview.data, loading: false, error: messageOf(error) } }));
    }
  };

  const loadAgentTriage = async (agentId: string) => {
    const request = ++latestAgent;
    // Reloading the same agent keeps its checklist on screen until the new answer lands.
    set((s) => ({ agentTriage: { agentId, data: s.agentTriage?.agentId === agentId ? s.agentTriage.data : null, loading: true, error: null } }));
    try {
      const data = await backend.agentChecklist({ agentId });
      if (request === latestAgent) set({ agentTriage: { agentId, data, loading: false, error: null } });
    } catch (error) {
      if (request === latestAgent) set((s) => ({ agentTriage: { agentId, data: s.agentTriage?.data ?? null, loading: false, error: messageOf(error) } }));
    }
  };

  const loadIrreversibleRegister = async () => {
    const request = ++latestRegister;
    set((s) => ({ irreversibleRegister: { ...s.irreversibleRegister, loading: true } }));
    try {
      const data = await backend.irreversibleRegister({});
      if (request === latestRegister) set({ irreversibleRegister: { data, loading: false, error: null } });
    } catch (error) {
      if (request === latestRegister) set((s) => ({ irreversibleRegister: { data: s.irreversibleRegister.data, loading: false, error: messageOf(error) } }));
    }
  };

  const replaceRow = (agentId: string, row: ChecklistRow) =>
    set((s) => {
      const shown = s.agentTriage;
      if (!shown || shown.agentId !== agentId || !shown.data) return {};
      return { agentTriage: { ...shown, data: { ...shown.data, checklist: shown.data.checklist.map((r) => (r.key === row.key ? row : r)) } } };
    });

  return {
    triageOverview: { data: null, loading: false, error: null },
    agentTriage: null,
    irreversibleRegister: { data: null, loading: false, error: null },
    attesting: null,
    attestError: null,
    loadTriageOverview,
    loadAgentTriage,
    loadIrreversibleRegister,
    attestChecklistItem: async (input) => {
      set({ attesting: input.key, attestError: null });
      try {
        const row = await backend.attestChecklistItem(input);
        replaceRow(input.agentId, row);
        get().notify('success', input.status === null ? 'Attestation withdrawn' : 'Attestation saved');
        // The attestation moves the risk and the order: read both again.
        if (get().agentTriage?.agentId === input.agentId) void loadAgentTriage(input.agentId);
        void loadTriageOverview();
        // An attested review moves actions in the register: read it again once it has been shown.
        if (get().irreversibleRegister.data) void loadIrreversibleRegister();
        return true;
      } catch (error) {
        set({ attestError: messageOf(error) });
        return false;
      } finally {
        set({ attesting: null });
      }
    },
    clearAttestError: () => set({ attestError: null }),
  };
};
