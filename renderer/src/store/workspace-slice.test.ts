import { describe, expect, it } from 'vitest';
import { BackendError } from '../../../shared/errors';
import { fakeBackend, workspaceInfo } from '../testing/fake-backend';
import { createAppStore } from './index';

const emptyList = { rows: [], total: 0, workspaceTotal: 0, owners: [] };

describe('workspace slice', () => {
  it('loads the current workspace with the recent list', async () => {
    const store = createAppStore(
      fakeBackend({
        currentWorkspace: async () => workspaceInfo({ isDemo: true, name: 'demo' }),
        recentWorkspaces: async () => [{ path: '/gone.atw', name: 'gone', openedAt: '2025-01-01', exists: false }],
      }),
    );
    expect(store.getState().workspaceLoaded).toBe(false);
    await store.getState().loadWorkspace();
    expect(store.getState()).toMatchObject({ workspaceLoaded: true, workspace: { name: 'demo', isDemo: true } });
    expect(store.getState().recentWorkspaces[0]?.exists).toBe(false);
  });

  it('opening a workspace replaces what was shown and reloads the agent list', async () => {
    const calls: string[] = [];
    const store = createAppStore(
      fakeBackend({
        openWorkspace: async ({ path }) => workspaceInfo({ path, name: 'acme' }),
        recentWorkspaces: async () => [],
        listAgents: async () => {
          calls.push('listAgents');
          return emptyList;
        },
      }),
    );
    store.setState({ agentAudit: [{ id: 1, at: '', actor: '', entity: 'agent', entityId: 'x', field: 'name', before: null, after: 'x', via: 'ui' }] });
    await store.getState().openWorkspace('/home/me/acme.atw');
    expect(store.getState().workspace?.path).toBe('/home/me/acme.atw');
    expect(store.getState().agentAudit).toEqual([]);
    expect(calls).toEqual(['listAgents']);
  });

  it('rejects with the backend error and keeps the current workspace', async () => {
    const store = createAppStore(
      fakeBackend({
        openWorkspace: async () => {
          throw new BackendError('workspace-corrupt', '/x.atw is not a workspace file (integrity check failed); it was not changed.');
        },
      }),
    );
    store.setState({ workspace: workspaceInfo() });
    await expect(store.getState().openWorkspace('/x.atw')).rejects.toMatchObject({ code: 'workspace-corrupt' });
    expect(store.getState().workspace?.name).toBe('acme');
  });

  it('reloads everything when the workspace was switched outside the page', async () => {
    const store = createAppStore(
      fakeBackend({
        currentWorkspace: async () => workspaceInfo({ name: 'from-menu' }),
        recentWorkspaces: async () => [],
        listAgents: async () => emptyList,
      }),
    );
    store.setState({ workspace: workspaceInfo({ name: 'before' }), fileImportPhase: 'failed', fileImportError: 'old file' });
    await store.getState().reloadWorkspace();
    expect(store.getState()).toMatchObject({ workspace: { name: 'from-menu' }, fileImportPhase: 'idle', fileImportError: null, agentList: emptyList });
  });
});
