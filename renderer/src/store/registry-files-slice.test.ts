import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegistryImportPreview } from '../../../shared/contract';
import { BackendError } from '../../../shared/errors';
import { fakeBackend, importRecord, jobStatus, workspaceInfo } from '../testing/fake-backend';
import { createAppStore } from './index';
import { canSkipInvalidRows, rowsToSkip } from './registry-files-slice';

const file = { fileName: 'registry.csv', contentBase64: 'bmFtZQ==' };
const preview: RegistryImportPreview = {
  format: 'csv',
  fileName: 'registry.csv',
  columns: [{ header: 'name', field: 'name' }],
  rows: [],
  errors: [],
  warnings: [],
  invalidRows: [],
  totals: { rows: 4, valid: 4, invalid: 0, create: 3, update: 1, unchanged: 0, warnings: 0 },
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
        getJob: async () => jobStatus({ id: 'job-9', state: 'succeeded', result: { kind: 'import', value: [importRecord({ counts: { created: 3, updated: 1, unchanged: 0 } })] } }),
        listAgents: async () => (listed++, { rows: [], total: 0, workspaceTotal: 4, owners: [] }),
        currentWorkspace: async () => workspaceInfo({ agentCount: 4 }),
        recentWorkspaces: async () => [],
      }),
    );
    await store.getState().previewRegistryImport(file);
    expect(store.getState()).toMatchObject({ importPhase: 'previewed', importPreview: { totals: { create: 3 } } });
    const result = store.getState().runRegistryImport();
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual({ created: 3, updated: 1, unchanged: 0, skipped: [] });
    expect(started).toEqual([{ ...file, skipRows: [] }]);
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

  it('skips the invalid rows only once the person chose to, and says which rows were skipped', async () => {
    const withErrors: RegistryImportPreview = {
      ...preview,
      errors: [{ row: 8, column: 'Agent', message: 'name is empty.' }],
      invalidRows: [8],
      totals: { ...preview.totals, invalid: 1 },
    };
    const started: unknown[] = [];
    const store = createAppStore(
      fakeBackend({
        previewRegistryImport: async () => withErrors,
        startRegistryImport: async (input) => (started.push(input), { jobId: 'job-3' }),
        getJob: async () => jobStatus({ id: 'job-3', state: 'succeeded', result: { kind: 'import', value: [importRecord({ counts: { created: 3, updated: 1, unchanged: 0, skipped: 1 } })] } }),
        listAgents: async () => ({ rows: [], total: 0, workspaceTotal: 4, owners: [] }),
        currentWorkspace: async () => workspaceInfo({ agentCount: 4 }),
        recentWorkspaces: async () => [],
      }),
    );
    await store.getState().previewRegistryImport(file);
    expect(store.getState().importSkipInvalid).toBe(false);
    expect(rowsToSkip(withErrors, false)).toEqual([]);
    store.getState().setImportSkipInvalid(true);
    const result = store.getState().runRegistryImport();
    await vi.runAllTimersAsync();
    await expect(result).resolves.toMatchObject({ skipped: [8] });
    expect(started).toEqual([{ ...file, skipRows: [8] }]);
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['Imported: 3 created, 1 updated; skipped row 8']);
    // A new preview starts without the choice.
    await store.getState().previewRegistryImport(file);
    expect(store.getState().importSkipInvalid).toBe(false);
  });

  it('never skips rows when an error is in the header row', () => {
    const headerError: RegistryImportPreview = { ...preview, errors: [{ row: 1, column: 'Owner', message: 'duplicate' }, { row: 5, column: 'Agent', message: 'name is empty.' }], invalidRows: [5] };
    expect(canSkipInvalidRows(headerError)).toBe(false);
    expect(rowsToSkip(headerError, true)).toEqual([]);
  });
});
