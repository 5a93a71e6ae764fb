import type { AgentDrift } from '../../../shared/review';
import { messageOf, type SliceCreator } from './app-state';

/** The agent page's review panel and drift card: the last review, and what changed since. */
export interface ReviewSlice {
  /** For which agent, the answer, or why there is none. */
  drift: { agentId: string; value: AgentDrift | null; loading: boolean; error: string | null } | null;
  /** The agent being marked reviewed, while the engine answers. */
  markingReviewed: string | null;
  /** Why the last "mark reviewed" was refused, in the engine's words. */
  markReviewedError: string | null;
  /** Reads the drift again (imports made elsewhere change it); calls for the same agent at once share one read. */
  loadDrift: (agentId: string) => Promise<void>;
  /** Resolves true once recorded; the drift is replaced and the agent (last reviewed, audit log) read again. */
  markReviewed: (input: { agentId: string; note: string }) => Promise<boolean>;
}

export const createReviewSlice: SliceCreator<ReviewSlice> = (backend) => (set, get) => {
  let inFlight: { agentId: string; read: Promise<void> } | null = null;
  let latest = 0;

  const loadDrift = (agentId: string): Promise<void> => {
    if (inFlight?.agentId === agentId) return inFlight.read;
    const request = ++latest;
    // Reading the same agent again keeps its drift on screen until the new answer lands.
    set((s) => ({ drift: { agentId, value: s.drift?.agentId === agentId ? s.drift.value : null, loading: true, error: null } }));
    const entry = { agentId, read: Promise.resolve() };
    entry.read = (async () => {
      try {
        const value = await backend.agentDrift({ agentId });
        if (request === latest) set({ drift: { agentId, value, loading: false, error: null } });
      } catch (error) {
        if (request === latest) set((s) => ({ drift: { agentId, value: s.drift?.value ?? null, loading: false, error: messageOf(error) } }));
      } finally {
        if (inFlight === entry) inFlight = null;
      }
    })();
    inFlight = entry;
    return entry.read;
  };

  return {
    drift: null,
    markingReviewed: null,
    markReviewedError: null,
    loadDrift,
    markReviewed: async ({ agentId, note }) => {
      set({ markingReviewed: agentId, markReviewedError: null });
      try {
        const value = await backend.markReviewed({ agentId, note });
        latest++;
        inFlight = null;
        set({ drift: { agentId, value, loading: false, error: null } });
        get().notify('success', 'Marked reviewed: later changes show against this review');
        // The registry's last reviewed date and the audit log changed with it.
        if (get().agent?.id === agentId) void get().loadAgent(agentId);
        return true;
      } catch (error) {
        set({ markReviewedError: messageOf(error) });
        return false;
      } finally {
        set({ markingReviewed: null });
      }
    },
  };
};
