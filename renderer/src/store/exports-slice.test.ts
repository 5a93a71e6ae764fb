import { describe, expect, it } from 'vitest';
import type { ExportedFile, ExportFormatInfo, JobStatus } from '../../../shared/contract';
import { BackendError } from '../../../shared/errors';
import { fakeBackend, jobStatus } from '../testing/fake-backend';
import { createAppStore } from './index';

const SARIF: ExportFormatInfo = { id: 'sarif', label: 'SARIF 2.1.0 findings', audience: 'Upload to GitHub code scanning.', extension: 'sarif', mediaType: 'application/sarif+json' };
const FILE: ExportedFile = { fileName: 'acme-findings-2026-12-07.sarif', mimeType: 'application/sarif+json', contentBase64: 'e30K' };
const exportJob = (over: Partial<JobStatus> = {}) => jobStatus({ id: 'export-1', kind: 'export', title: 'Export SARIF 2.1.0 findings', ...over });

describe('exports slice', () => {
  it('lists the formats the engine offers, and keeps them on screen when a later read fails', async () => {
    let fail = false;
    const store = createAppStore(fakeBackend({ exportFormats: async () => (fail ? Promise.reject(new Error('no workspace')) : [SARIF]) }));
    await store.getState().loadExportFormats();
    expect(store.getState().exportFormats).toEqual({ data: [SARIF], error: null });
    fail = true;
    await store.getState().loadExportFormats();
    expect(store.getState().exportFormats).toEqual({ data: [SARIF], error: 'no workspace' });
  });

  it('runs the export as a job: marks the format and its job while it runs, then takes the file it wrote', async () => {
    let polls = 0;
    const taken: string[] = [];
    const store = createAppStore(
      fakeBackend({
        startWorkspaceExport: async ({ format }) => exportJob({ title: `Export ${format}` }),
        getJob: async () => (++polls < 3 ? exportJob({ progress: { done: 0, total: 2, message: 'Reading what the workspace knows' } }) : exportJob({ state: 'succeeded' })),
        takeWorkspaceExport: async ({ jobId }) => {
          taken.push(jobId);
          return FILE;
        },
      }),
    );
    const pending = store.getState().exportWorkspaceFile('sarif');
    expect(store.getState().workspaceExporting).toBe('sarif');
    expect(await pending).toEqual(FILE);
    expect(taken).toEqual(['export-1']);
    expect(store.getState().jobs['export-1']?.state).toBe('succeeded');
    expect(store.getState().workspaceExporting).toBeNull();
    expect(store.getState().workspaceExportJob).toBeNull();
  });

  it('Cancel stops the job: no file, no error notice', async () => {
    let cancelled = false;
    const store = createAppStore(
      fakeBackend({
        startWorkspaceExport: async () => exportJob(),
        getJob: async () => (cancelled ? exportJob({ state: 'cancelled', error: { code: 'cancelled', message: 'Cancelled; the workspace was left as it was.' } }) : exportJob()),
        cancelJob: async () => {
          cancelled = true;
          return exportJob({ state: 'cancelled' });
        },
        takeWorkspaceExport: async () => Promise.reject(new Error('nothing to take')),
      }),
    );
    const pending = store.getState().exportWorkspaceFile('json');
    await new Promise((resolve) => setTimeout(resolve, 10));
    await store.getState().cancelWorkspaceExport();
    expect(await pending).toBeNull();
    expect(store.getState().toasts).toEqual([]);
  });

  it('a Cancel clicked before the engine has answered with the job is sent once the job is known: no file, no notice', async () => {
    let answer: (job: JobStatus) => void = () => {};
    const cancelled: string[] = [];
    const store = createAppStore(
      fakeBackend({
        startWorkspaceExport: () => new Promise<JobStatus>((resolve) => (answer = resolve)),
        getJob: async () => exportJob(cancelled.length > 0 ? { state: 'cancelled', error: { code: 'cancelled', message: 'Cancelled; the workspace was left as it was.' } } : {}),
        cancelJob: async ({ jobId }) => {
          cancelled.push(jobId);
          return exportJob({ state: 'cancelled' });
        },
        takeWorkspaceExport: async () => Promise.reject(new Error('nothing to take')),
      }),
    );
    const pending = store.getState().exportWorkspaceFile('registry-xlsx');
    await store.getState().cancelWorkspaceExport();
    expect(cancelled).toEqual([]);
    answer(exportJob());
    expect(await pending).toBeNull();
    expect(cancelled).toEqual(['export-1']);
    expect(store.getState().toasts).toEqual([]);
    expect(store.getState().workspaceExporting).toBeNull();
  });

  it('a job that fails is a notice with its reason, and no file', async () => {
    const store = createAppStore(fakeBackend({ startWorkspaceExport: async () => exportJob(), getJob: async () => exportJob({ state: 'failed', error: { code: 'internal', message: 'disk full' } }) }));
    expect(await store.getState().exportWorkspaceFile('manifest')).toBeNull();
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['Export failed: disk full']);
  });

  it('tells the person when an export fails, and returns no file', async () => {
    const store = createAppStore(fakeBackend({ startWorkspaceExport: async () => Promise.reject(new BackendError('unsupported-format', 'There is no "spdx" export; the formats are sarif, cyclonedx, json.')) }));
    expect(await store.getState().exportWorkspaceFile('spdx')).toBeNull();
    expect(store.getState().toasts.map((t) => [t.tone, t.text])).toEqual([['error', 'Export failed: There is no "spdx" export; the formats are sarif, cyclonedx, json.']]);
    expect(store.getState().workspaceExporting).toBeNull();
  });
});
