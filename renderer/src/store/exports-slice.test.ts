import { describe, expect, it } from 'vitest';
import type { ExportedFile, ExportFormatInfo } from '../../../shared/contract';
import { BackendError } from '../../../shared/errors';
import { fakeBackend } from '../testing/fake-backend';
import { createAppStore } from './index';

const SARIF: ExportFormatInfo = { id: 'sarif', label: 'SARIF 2.1.0 findings', audience: 'Upload to GitHub code scanning.', extension: 'sarif', mediaType: 'application/sarif+json' };
const FILE: ExportedFile = { fileName: 'acme-findings-2026-12-07.sarif', mimeType: 'application/sarif+json', contentBase64: 'e30K' };

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

  it('marks the format being exported until the file arrives, then hands the file over', async () => {
    let arrive: (file: ExportedFile) => void = () => undefined;
    const store = createAppStore(fakeBackend({ exportWorkspaceFile: () => new Promise<ExportedFile>((resolve) => (arrive = resolve)) }));
    const pending = store.getState().exportWorkspaceFile('sarif');
    expect(store.getState().workspaceExporting).toBe('sarif');
    arrive(FILE);
    expect(await pending).toEqual(FILE);
    expect(store.getState().workspaceExporting).toBeNull();
  });

  it('tells the person when an export fails, and returns no file', async () => {
    const store = createAppStore(fakeBackend({ exportWorkspaceFile: async () => Promise.reject(new BackendError('unsupported-format', 'There is no "spdx" export; the formats are sarif, cyclonedx, json.')) }));
    expect(await store.getState().exportWorkspaceFile('spdx')).toBeNull();
    expect(store.getState().toasts.map((t) => [t.tone, t.text])).toEqual([['error', 'Export failed: There is no "spdx" export; the formats are sarif, cyclonedx, json.']]);
    expect(store.getState().workspaceExporting).toBeNull();
  });
});
