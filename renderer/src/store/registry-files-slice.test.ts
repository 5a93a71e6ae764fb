import { describe, expect, it } from 'vitest';
import type { ExportedFile, JobStatus } from '../../../shared/contract';
import { BackendError } from '../../../shared/errors';
import { fakeBackend, jobStatus } from '../testing/fake-backend';
import { createAppStore } from './index';

const manifestFile: ExportedFile = { fileName: 'demo-agents.yaml', mimeType: 'application/yaml', contentBase64: Buffer.from('apiVersion: agent-triage/v1\n').toString('base64') };

describe('registry files slice', () => {
  it('exports the agents manifest, saying so while it runs, and hands the file over', async () => {
    let finish: (file: ExportedFile) => void = () => {};
    const job = jobStatus({ id: 'export-1', kind: 'export', title: 'Export Agents manifest (YAML)', state: 'succeeded' });
    const store = createAppStore(
      fakeBackend({
        startWorkspaceExport: async ({ format }) => (format === 'manifest' ? job : Promise.reject(new Error(`asked for ${format}`))),
        getJob: async () => job,
        takeWorkspaceExport: () => new Promise<ExportedFile>((resolve) => (finish = resolve)),
      }),
    );
    const exporting = store.getState().exportManifest();
    expect(store.getState().registryExporting).toBe('manifest');
    await new Promise((resolve) => setTimeout(resolve, 10));
    finish(manifestFile);
    expect(await exporting).toEqual(manifestFile);
    expect(store.getState().registryExporting).toBeNull();
  });

  it('exports the registry spreadsheet as the registry export job, and Cancel leaves no file and no error', async () => {
    const started: string[] = [];
    let cancelled = false;
    const job = (over: Partial<JobStatus> = {}) => jobStatus({ id: 'export-2', kind: 'export', title: 'Export Agent registry (XLSX)', progress: { done: 5_000, total: 10_002, message: 'Read agent 5,000 of 10,000 for the Agent registry (XLSX)' }, ...over });
    const store = createAppStore(
      fakeBackend({
        startWorkspaceExport: async ({ format }) => {
          started.push(format);
          return job();
        },
        getJob: async () => (cancelled ? job({ state: 'cancelled', error: { code: 'cancelled', message: 'Cancelled; the workspace was left as it was.' } }) : job()),
        cancelJob: async () => {
          cancelled = true;
          return job({ state: 'cancelled' });
        },
        takeWorkspaceExport: async () => Promise.reject(new Error('nothing to take')),
      }),
    );
    const pending = store.getState().exportRegistry('xlsx');
    expect(store.getState().registryExporting).toBe('xlsx');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(started).toEqual(['registry-xlsx']);
    expect(store.getState().jobs['export-2']?.progress.message).toBe('Read agent 5,000 of 10,000 for the Agent registry (XLSX)');
    await store.getState().cancelWorkspaceExport();
    expect(await pending).toBeNull();
    expect(store.getState().registryExporting).toBeNull();
    expect(store.getState().toasts).toEqual([]);
  });

  it('a failed export is a notice with the reason, and no file', async () => {
    const store = createAppStore(fakeBackend({ startWorkspaceExport: async () => Promise.reject(new BackendError('no-workspace', 'Open a workspace first.')) }));
    expect(await store.getState().exportManifest()).toBeNull();
    expect(store.getState().registryExporting).toBeNull();
    expect(JSON.stringify(store.getState().toasts)).toContain('Export failed: Open a workspace first.');
  });
});
