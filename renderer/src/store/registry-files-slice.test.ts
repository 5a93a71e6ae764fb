import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../shared/contract';
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

  it('a failed export is a notice with the reason, and no file', async () => {
    const store = createAppStore(fakeBackend({ startWorkspaceExport: async () => Promise.reject(new BackendError('no-workspace', 'Open a workspace first.')) }));
    expect(await store.getState().exportManifest()).toBeNull();
    expect(store.getState().registryExporting).toBeNull();
    expect(JSON.stringify(store.getState().toasts)).toContain('Export failed: Open a workspace first.');
  });
});
