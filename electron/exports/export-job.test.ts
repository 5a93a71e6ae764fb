import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendError } from '../../shared/errors';
import { inlineJobContext } from '../jobs/job-context';
import { tempDir } from '../store/test-workspace';
import { createWorkspaceFile, type Workspace } from '../store/workspace-file';
import { runWorkspaceExport } from './export-job';

let tmp: ReturnType<typeof tempDir> | undefined;
let ws: Workspace | undefined;
afterEach(() => {
  ws?.close();
  tmp?.cleanup();
  ws = undefined;
  tmp = undefined;
});

function emptyWorkspace() {
  tmp = tempDir('atw-export-job-');
  ws = createWorkspaceFile(tmp.file('Acme.atw'));
  return { ws, dir: tmp.dir };
}

describe('the export job', () => {
  it('writes the file where the host asked, says each step, and names the file after the workspace', async () => {
    const { ws, dir } = emptyWorkspace();
    const steps: string[] = [];
    const result = await runWorkspaceExport({ ...inlineJobContext(ws), progress: (_d, _t, message) => void steps.push(message) }, { format: 'cyclonedx', workspaceName: 'Acme Bank', toolVersion: '1.2.3', target: `${dir}/export` });
    expect(steps).toEqual(['Reading what the workspace knows of its agents (none yet) for the CycloneDX 1.6 AI bill of materials', 'Writing the CycloneDX 1.6 AI bill of materials', 'Wrote the CycloneDX 1.6 AI bill of materials']);
    expect(result.value.fileName).toMatch(/^acme-bank-.*\.cdx\.json$/);
    expect(JSON.parse(readFileSync(`${dir}/export`, 'utf8'))).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(result.value.bytes).toBe(readFileSync(`${dir}/export`).length);
  });

  it('a cancel while writing leaves no file, not even a partial one', async () => {
    const { ws, dir } = emptyWorkspace();
    let checks = 0;
    const ctx = {
      ...inlineJobContext(ws),
      throwIfCancelled: () => {
        // The last check comes after the partial file is written, before it is renamed into place.
        if (++checks > 4) throw new BackendError('cancelled', 'Cancelled.');
      },
    };
    await expect(runWorkspaceExport(ctx, { format: 'json', workspaceName: 'Acme', toolVersion: '1', target: `${dir}/export` })).rejects.toMatchObject({ code: 'cancelled' });
    expect(existsSync(`${dir}/export`)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('export'))).toEqual([]);
  });

  it('refuses a format it does not know, naming the ones it does', async () => {
    const { ws, dir } = emptyWorkspace();
    await expect(runWorkspaceExport(inlineJobContext(ws), { format: 'spdx', workspaceName: 'Acme', toolVersion: '1', target: `${dir}/export` })).rejects.toThrow('There is no "spdx" export; the formats are sarif, cyclonedx, manifest, json, registry-csv, registry-xlsx.');
  });
});
