import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview, ImportRecord, JobStatus, RegistryImportPreview } from '../../../shared/contract';
import { fakeBackend, jobStatus, workspaceInfo } from '../testing/fake-backend';
import { canImport, canSkipInvalidRows, rowsToSkip } from './file-imports-slice';
import { createAppStore } from './index';
import { JOB_POLL_MS } from './jobs-slice';

const preview = (over: Partial<ImportPreview> = {}): ImportPreview => ({
  fileName: 'auth.json',
  sha256: 'ab',
  format: 'aws-authorization-details',
  formatLabel: 'AWS IAM authorization details',
  provider: 'aws',
  scope: '111122223333',
  counts: { roles: 3, users: 2 },
  errors: [],
  warnings: [],
  replaces: null,
  registry: null,
  refusal: null,
  ...over,
});

const record = (over: Partial<ImportRecord> = {}): ImportRecord => ({
  id: 1,
  fileName: 'auth.json',
  sha256: 'ab',
  format: 'aws-authorization-details',
  formatLabel: 'AWS IAM authorization details',
  provider: 'aws',
  scope: '111122223333',
  importedAt: '2026-12-01T10:00:00.000Z',
  actor: 'ana',
  via: 'ui',
  counts: { roles: 3 },
  warnings: 0,
  ...over,
});

const files = [{ fileName: 'auth.json', contentBase64: 'e30=' }];

describe('file imports slice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('blocks the import while any file has errors', () => {
    expect(canImport(null)).toBe(false);
    expect(canImport([])).toBe(false);
    expect(canImport([preview(), preview({ errors: [{ position: 'line 3', message: 'expected an object' }] })])).toBe(false);
    expect(canImport([preview(), preview({ warnings: [{ position: 'Roles[2]', message: 'unknown key' }] })])).toBe(true);
  });

  it('previews the chosen files, then imports exactly those bytes and lists the records', async () => {
    const started: unknown[] = [];
    const answers: JobStatus[] = [jobStatus({ kind: 'import' }), jobStatus({ kind: 'import', state: 'succeeded', result: { kind: 'import', value: [record()] } })];
    const store = createAppStore(
      fakeBackend({
        previewImport: async () => [preview()],
        startImport: async (input) => (started.push(input), { jobId: 'job-1' }),
        getJob: async () => answers.shift() ?? jobStatus(),
        listImports: async () => [record()],
        currentWorkspace: async () => workspaceInfo(),
        recentWorkspaces: async () => [],
      }),
    );
    store.getState().openFileImport();
    await store.getState().previewFileImport(files);
    expect(store.getState().fileImportPhase).toBe('previewed');
    const done = store.getState().runFileImport();
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS * 2);
    await expect(done).resolves.toEqual([record()]);
    expect(started).toEqual([{ files, skipRows: {} }]);
    expect(store.getState()).toMatchObject({ fileImportPhase: 'succeeded', fileImportRecords: [record()], imports: [record()], fileImportOpen: true });
  });

  it('reads the agents again after a registry sheet is imported, so the inventory shows them without a reload', async () => {
    let agentLoads = 0;
    const sheet = record({ fileName: 'agents.csv', format: 'registry-csv', formatLabel: 'Agent registry (CSV)', provider: null, scope: '', counts: { created: 1 } });
    const answers: JobStatus[] = [jobStatus({ kind: 'import', state: 'succeeded', result: { kind: 'import', value: [sheet] } })];
    const store = createAppStore(
      fakeBackend({
        previewImport: async () => [preview({ fileName: 'agents.csv', format: 'registry-csv' })],
        startImport: async () => ({ jobId: 'job-1' }),
        getJob: async () => answers.shift() ?? jobStatus(),
        listImports: async () => [sheet],
        listAgents: async () => (agentLoads++, { rows: [], total: 0, workspaceTotal: 0, owners: [] }),
        currentWorkspace: async () => workspaceInfo(),
        recentWorkspaces: async () => [],
      }),
    );
    await store.getState().previewFileImport([{ fileName: 'agents.csv', contentBase64: 'YQ==' }]);
    const done = store.getState().runFileImport();
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS * 2);
    await expect(done).resolves.toEqual([sheet]);
    expect(agentLoads).toBe(1);
  });

  it('shows the failure message naming the file and position, and keeps the previews', async () => {
    const store = createAppStore(
      fakeBackend({
        previewImport: async () => [preview()],
        startImport: async () => ({ jobId: 'job-1' }),
        getJob: async () => jobStatus({ kind: 'import', state: 'failed', error: { code: 'invalid-file', message: 'auth.json, RoleDetailList[4]: expected an array' } }),
      }),
    );
    await store.getState().previewFileImport(files);
    await store.getState().runFileImport();
    expect(store.getState()).toMatchObject({ fileImportPhase: 'failed', fileImportError: 'auth.json, RoleDetailList[4]: expected an array' });
    expect(store.getState().fileImportPreviews).toHaveLength(1);
  });

  it('cancel asks the engine; the dialog cannot be closed while importing', async () => {
    let state: JobStatus['state'] = 'running';
    const store = createAppStore(
      fakeBackend({
        previewImport: async () => [preview()],
        startImport: async () => ({ jobId: 'job-1' }),
        getJob: async () => jobStatus({ kind: 'import', state }),
        cancelJob: async () => ((state = 'cancelled'), jobStatus({ kind: 'import', state })),
      }),
    );
    store.getState().openFileImport();
    await store.getState().previewFileImport(files);
    const done = store.getState().runFileImport();
    await vi.advanceTimersByTimeAsync(0);
    store.getState().closeFileImport();
    expect(store.getState().fileImportOpen).toBe(true);
    await store.getState().cancelFileImport();
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS);
    await expect(done).resolves.toBeNull();
    expect(store.getState().fileImportPhase).toBe('cancelled');
    store.getState().closeFileImport();
    expect(store.getState()).toMatchObject({ fileImportOpen: false, fileImportPhase: 'idle', fileImportPreviews: null });
  });

  it('a preview that fails says why', async () => {
    const store = createAppStore(fakeBackend({ previewImport: async () => Promise.reject(new Error('notes.txt: not a format this app reads (accepted: …)')) }));
    await store.getState().previewFileImport([{ fileName: 'notes.txt', contentBase64: 'eA==' }]);
    expect(store.getState()).toMatchObject({ fileImportPhase: 'failed', fileImportError: expect.stringContaining('notes.txt') });
  });

  describe('a registry file with rows with errors', () => {
    const registry: RegistryImportPreview = {
      format: 'csv',
      fileName: 'registry.csv',
      columns: [{ header: 'name', field: 'name' }],
      rows: [],
      errors: [{ row: 8, column: 'Agent', message: 'name is empty.' }],
      warnings: [],
      invalidRows: [8],
      totals: { rows: 5, valid: 4, invalid: 1, create: 3, update: 1, unchanged: 0, warnings: 0 },
    };
    const sheet = preview({
      fileName: 'registry.csv',
      format: 'registry-csv',
      formatLabel: 'Agent registry (CSV)',
      provider: null,
      scope: '',
      errors: [{ position: 'row 8, column Agent', message: 'name is empty.' }],
      registry,
    });
    const sheetFiles = [{ fileName: 'registry.csv', contentBase64: 'bmFtZQ==' }];

    it('skips the invalid rows only once the person chose to, and says which rows were skipped', async () => {
      const started: unknown[] = [];
      const imported = record({ fileName: 'registry.csv', format: 'registry-csv', provider: null, scope: '', counts: { created: 3, updated: 1, unchanged: 0, skipped: 1 } });
      const store = createAppStore(
        fakeBackend({
          previewImport: async () => [sheet],
          startImport: async (input) => (started.push(input), { jobId: 'job-3' }),
          getJob: async () => jobStatus({ id: 'job-3', kind: 'import', state: 'succeeded', result: { kind: 'import', value: [imported] } }),
          listImports: async () => [imported],
          listAgents: async () => ({ rows: [], total: 0, workspaceTotal: 4, owners: [] }),
          currentWorkspace: async () => workspaceInfo({ agentCount: 4 }),
          recentWorkspaces: async () => [],
        }),
      );
      await store.getState().previewFileImport(sheetFiles);
      expect(canImport(store.getState().fileImportPreviews, store.getState().fileImportSkipInvalid)).toBe(false);
      // Without the choice nothing is sent.
      await expect(store.getState().runFileImport()).resolves.toBeNull();
      expect(started).toEqual([]);
      store.getState().setFileImportSkipInvalid('registry.csv', true);
      const done = store.getState().runFileImport();
      await vi.runAllTimersAsync();
      await expect(done).resolves.toEqual([imported]);
      expect(started).toEqual([{ files: sheetFiles, skipRows: { 'registry.csv': [8] } }]);
      expect(store.getState().toasts.map((t) => t.text)).toEqual(['Imported registry.csv: 3 created, 1 updated; skipped row 8']);
      // A new preview starts without the choice.
      await store.getState().previewFileImport(sheetFiles);
      expect(store.getState().fileImportSkipInvalid).toEqual({});
    });

    it('never skips rows when an error is in the header row', () => {
      const headerError: RegistryImportPreview = { ...registry, errors: [{ row: 1, column: 'Owner', message: 'duplicate' }, { row: 5, column: 'Agent', message: 'name is empty.' }], invalidRows: [5] };
      const withHeaderError = preview({ ...sheet, registry: headerError, errors: [{ position: 'row 1', message: 'duplicate' }, { position: 'row 5', message: 'name is empty.' }] });
      expect(canSkipInvalidRows(headerError)).toBe(false);
      expect(rowsToSkip([withHeaderError], { 'registry.csv': true })).toEqual({});
      expect(canImport([withHeaderError], { 'registry.csv': true })).toBe(false);
      expect(canImport([sheet], { 'registry.csv': true })).toBe(true);
      expect(rowsToSkip([sheet], { 'registry.csv': false })).toEqual({});
    });
  });

  it('an OSV file says how many advisories it stored and refreshes the advisory counts of the candidates', async () => {
    let listed = 0;
    const osv = record({ fileName: 'PyPI.zip', format: 'osv', formatLabel: 'OSV advisories', provider: null, scope: '', counts: { advisories: 14, stored: 12 } });
    const store = createAppStore(
      fakeBackend({
        previewImport: async () => [preview({ fileName: 'PyPI.zip', format: 'osv', formatLabel: 'OSV advisories', provider: null, scope: '', counts: { advisories: 14 } })],
        startImport: async () => ({ jobId: 'adv-1' }),
        getJob: async () => jobStatus({ id: 'adv-1', kind: 'import', state: 'succeeded', result: { kind: 'import', value: [osv] } }),
        listImports: async () => [osv],
        listCandidates: async () => (listed++, { rows: [], total: 0, workspaceTotal: 0, counts: {} } as never),
        currentWorkspace: async () => workspaceInfo(),
        recentWorkspaces: async () => [],
      }),
    );
    await store.getState().previewFileImport([{ fileName: 'PyPI.zip', contentBase64: 'UEsDBA==' }]);
    const done = store.getState().runFileImport();
    await vi.runAllTimersAsync();
    await expect(done).resolves.toEqual([osv]);
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['Imported 12 advisories']);
    expect(listed).toBe(1);
  });
});
