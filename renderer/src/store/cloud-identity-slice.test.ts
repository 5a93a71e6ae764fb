import { describe, expect, it } from 'vitest';
import type { AgentCredentialLinks, AgentDossier, InputOf } from '../../../shared/contract';
import { fakeBackend } from '../testing/fake-backend';
import { createAppStore } from './index';

const links = (over: Partial<AgentCredentialLinks> = {}): AgentCredentialLinks => ({ links: [], suggestions: [], ...over });
const dossier = (dataSources: number) => ({ blastRadius: { dataSources, bySensitivity: [], worstPaths: [], riskClasses: [], gaps: [] } }) as unknown as AgentDossier;

describe('cloud identity slice', () => {
  it('loads the dossier and the links of one agent', async () => {
    const store = createAppStore(fakeBackend({ agentDossier: async () => dossier(3), credentialLinks: async () => links() }));
    await store.getState().loadAgentCloud('a1');
    expect(store.getState().dossier).toMatchObject({ agentId: 'a1', error: null, value: { blastRadius: { dataSources: 3 } } });
    expect(store.getState().credentialLinks).toMatchObject({ agentId: 'a1', value: { links: [] } });
  });

  it('keeps each part working when the other fails', async () => {
    const store = createAppStore(fakeBackend({ agentDossier: async () => Promise.reject(new Error('dossier unavailable')), credentialLinks: async () => links() }));
    await store.getState().loadAgentCloud('a1');
    expect(store.getState().dossier?.error).toBe('dossier unavailable');
    expect(store.getState().credentialLinks?.value).toEqual(links());
  });

  it('links and unlinks with the reason, then re-reads the blast radius', async () => {
    const sent: Array<[string, InputOf<'linkCredential'>]> = [];
    let reach = 0;
    const store = createAppStore(
      fakeBackend({
        agentDossier: async () => dossier(reach++),
        credentialLinks: async () => links(),
        linkCredential: async (input) => (sent.push(['link', input]), links()),
        unlinkCredential: async (input) => (sent.push(['unlink', input]), links()),
      }),
    );
    await store.getState().loadAgentCloud('a1');
    await expect(store.getState().linkCredential('a1', 'arn:aws:iam::1:role/r', 'suggested: role name matches')).resolves.toBe(true);
    await expect(store.getState().unlinkCredential('a1', 'arn:aws:iam::1:role/r', 'not this agent’s')).resolves.toBe(true);
    expect(sent).toEqual([
      ['link', { agentId: 'a1', principalKey: 'arn:aws:iam::1:role/r', reason: 'suggested: role name matches' }],
      ['unlink', { agentId: 'a1', principalKey: 'arn:aws:iam::1:role/r', reason: 'not this agent’s' }],
    ]);
    await new Promise((r) => setTimeout(r, 0));
    expect(reach).toBe(3);
    expect(store.getState().linkBusy).toBeNull();
  });

  it('a refused link is reported and leaves the links as they were', async () => {
    const store = createAppStore(fakeBackend({ agentDossier: async () => dossier(0), credentialLinks: async () => links(), linkCredential: async () => Promise.reject(new Error('unknown principal')) }));
    await store.getState().loadAgentCloud('a1');
    await expect(store.getState().linkCredential('a1', 'x', '')).resolves.toBe(false);
    expect(store.getState().toasts.at(-1)).toMatchObject({ tone: 'error' });
  });

  it('searches principals by text', async () => {
    const queries: Array<InputOf<'listPrincipals'>> = [];
    const store = createAppStore(fakeBackend({ listPrincipals: async (q) => (queries.push(q), []) }));
    await store.getState().searchPrincipals('  kyc ');
    await store.getState().searchPrincipals('');
    expect(queries).toEqual([{ text: 'kyc' }, {}]);
    expect(store.getState().principalResults).toEqual([]);
  });
});
