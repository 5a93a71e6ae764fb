import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegistryImportPreview } from '../../../shared/contract';
import { BackendError } from '../../../shared/errors';
import { fakeBackend, jobStatus, workspaceInfo } from '../testing/fake-backend';
import { createAppStore } from './index';

const file = { fileName: 'registry.csv', contentBase64: 'bmFtZQ==' };
const preview: RegistryImportPreview = {
  format: 'csv',
  fileName: 'registry.csv',
  columns: [{ header: 'name', field: 'name' }],
  rows: [],
  errors: [],
  totals: { rows: 4, valid: 4, invalid: 0, create: 3, update: 1, unchanged: 0 },
};

describe('registry files slice', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('previews, imports as a job, then toasts the counts and refreshes the list', async () => {
    const started: unknown[] = [];
    let listed = 0;
    const store = createAppStore(
      fakeBackend({
        previewRegistryImport: async () => preview,
        startRegistryImport: async (input) => (started.push(input), { jobId: 'job-9' }),
        getJob: async () => jobStatus({ id: 'job-9', state: 'succeeded', result: { kind: 'registry-import', value: { created: 3, updated: 1, unchanged: 0 } } }),
        listAgents: async () => (listed++, { rows: [], total: 0, workspaceTotal: 4, owners: [] }),
        currentWorkspace: async () => workspaceInfo({ agentCount: 4 }),
        recentWorkspaces: async () => [],
      }),
    );
    await store.getState().previewRegistryImport(file);
    expect(store.getState()).toMatchObject({ importPhase: 'previewed', importPreview: { totals: { create: 3 } } });
    const result = store.getState().runRegistryImport();
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ created: 3, updated: 1, unchanged: 0 });
    expect(started).toEqual([file]);
    expect(store.getState().importPhase).toBe('idle');
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['Imported: 3 created, 1 updated']);
    expect(listed).toBe(1);
  });

  it('shows a refused file with the row errors the backend sent', async () => {
    const store = createAppStore(
      fakeBackend({
        previewRegistryImport: async () => {
          throw new BackendError('import-invalid', 'registry.csv line 3: unclosed quote', [{ row: 3, column: '', message: 'unclosed quote' }]);
        },
      }),
    );
    await store.getState().previewRegistryImport(file);
    expect(store.getState()).toMatchObject({
      importPhase: 'failed',
      importError: 'registry.csv line 3: unclosed quote',
      importErrorRows: [{ row: 3, column: '', message: 'unclosed quote' }],
    });
  });

  it('reports a cancelled import as cancelled, not as imported', async () => {
    const store = createAppStore(
      fakeBackend({
        previewRegistryImport: async () => preview,
        startRegistryImport: async () => ({ jobId: 'job-2' }),
        getJob: async () => jobStatus({ id: 'job-2', state: 'cancelled' }),
      }),
    );
    await store.getState().previewRegistryImport(file);
    const result = store.getState().runRegistryImport();
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBeNull();
    expect(store.getState().importPhase).toBe('cancelled');
    expect(store.getState().toasts).toEqual([]);
  });
});
