import type { AgentCredentialLinks, AgentDossier, PrincipalSummary } from '../../../shared/contract';
import { messageOf, type SliceCreator } from './app-state';

/** The agent page's blast radius card and cloud identities panel: read from the dossier, changed through link/unlink. */
export interface CloudIdentitySlice {
  dossier: { agentId: string; value: AgentDossier | null; error: string | null } | null;
  credentialLinks: { agentId: string; value: AgentCredentialLinks | null; error: string | null } | null;
  /** The principal being linked or unlinked, to disable its buttons meanwhile. */
  linkBusy: string | null;
  principalResults: PrincipalSummary[] | null;
  principalSearchError: string | null;
  loadAgentCloud: (agentId: string) => Promise<void>;
  linkCredential: (agentId: string, principalKey: string, reason: string) => Promise<boolean>;
  unlinkCredential: (agentId: string, principalKey: string, reason: string) => Promise<boolean>;
  searchPrincipals: (text: string) => Promise<void>;
  clearPrincipalSearch: () => void;
}

export const createCloudIdentitySlice: SliceCreator<CloudIdentitySlice> = (backend) => (set, get) => {
  let latestSearch = 0;

  const loadDossier = async (agentId: string) => {
    try {
      const value = await backend.agentDossier({ id: agentId });
      if (get().dossier?.agentId === agentId) set({ dossier: { agentId, value, error: null } });
    } catch (error) {
      if (get().dossier?.agentId === agentId) set({ dossier: { agentId, value: null, error: messageOf(error) } });
    }
  };

  const change = async (agentId: string, principalKey: string, reason: string, how: 'link' | 'unlink') => {
    set({ linkBusy: principalKey });
    try {
      const value = how === 'link' ? await backend.linkCredential({ agentId, principalKey, reason }) : await backend.unlinkCredential({ agentId, principalKey, reason });
      set({ credentialLinks: { agentId, value, error: null } });
      get().notify('success', how === 'link' ? 'Linked the cloud identity' : 'Unlinked the cloud identity');
      // What the agent reaches changed with it.
      void loadDossier(agentId);
      return true;
    } catch (error) {
      get().notify('error', `Could not ${how} the identity: ${messageOf(error)}`);
      return false;
    } finally {
      set({ linkBusy: null });
    }
  };

  return {
    dossier: null,
    credentialLinks: null,
    linkBusy: null,
    principalResults: null,
    principalSearchError: null,
    loadAgentCloud: async (agentId) => {
      set({ dossier: { agentId, value: null, error: null }, credentialLinks: { agentId, value: null, error: null } });
      const links = (async () => {
        try {
          const value = await backend.credentialLinks({ agentId });
          if (get().credentialLinks?.agentId === agentId) set({ credentialLinks: { agentId, value, error: null } });
        } catch (error) {
          if (get().credentialLinks?.agentId === agentId) set({ credentialLinks: { agentId, value: null, error: messageOf(error) } });
        }
      })();
      await Promise.all([loadDossier(agentId), links]);
    },
    linkCredential: (agentId, principalKey, reason) => change(agentId, principalKey, reason, 'link'),
    unlinkCredential: (agentId, principalKey, reason) => change(agentId, principalKey, reason, 'unlink'),
    searchPrincipals: async (text) => {
      const request = ++latestSearch;
      const trimmed = text.trim();
      try {
        const principalResults = await backend.listPrincipals(trimmed ? { text: trimmed } : {});
        if (request === latestSearch) set({ principalResults, principalSearchError: null });
      } catch (error) {
        if (request === latestSearch) set({ principalSearchError: messageOf(error) });
      }
    },
    clearPrincipalSearch: () => {
      latestSearch++;
      set({ principalResults: null, principalSearchError: null });
    },
  };
};
