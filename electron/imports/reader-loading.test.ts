import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inlineJobContext } from '../jobs/job-context';
import { writeManifest } from '../manifest/write-manifest';
import { tempDir } from '../store/test-workspace';
import { createWorkspaceFile, type Workspace } from '../store/workspace-file';
import { runImport } from './run-import';

/**
 * Every import detects its file's format first; only that format's reader is loaded. A registry
 * CSV imported from the command line must not pay for the YAML parser, the IAM policy evaluators,
 * the usage writer or the advisory store (about 60 ms of module loading before this was so).
 */

const loaded = vi.hoisted(() => [] as string[]);
vi.mock('../registry/registry-reader', async (original) => (loaded.push('registry'), original()));
vi.mock('../manifest/manifest-reader', async (original) => (loaded.push('manifest'), original()));
vi.mock('../iam/iam-readers', async (original) => (loaded.push('iam'), original()));
vi.mock('../usage/usage-reader', async (original) => (loaded.push('usage'), original()));
vi.mock('../usage/productive-units-reader', async (original) => (loaded.push('productive-units'), original()));
vi.mock('../advisories/osv-reader', async (original) => (loaded.push('osv'), original()));

const upload = (fileName: string, text: string) => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') });
const REGISTRY_CSV = 'name,status,owner,owner email\nRefund bot,confirmed,Ana,ana@corp.example\nKYC checker,suspected,,\n';

let tmp: ReturnType<typeof tempDir>;
let ws: Workspace;
beforeEach(() => {
  tmp = tempDir('atw-reader-loading-');
  ws = createWorkspaceFile(tmp.file('w.atw'));
});
afterEach(() => {
  ws.close();
  tmp.cleanup();
});

describe('loading only the reader a file needs', () => {
  it('imports a registry CSV with the registry reader alone: no manifest, IAM, usage, unit-count or advisory reader is loaded', async () => {
    const result = await runImport(inlineJobContext(ws), { files: [upload('agents.csv', REGISTRY_CSV)], mode: 'apply', skipRows: {} });
    expect(result.value[0]?.counts).toMatchObject({ created: 2 });
    expect(loaded).toEqual(['registry']);
  });

  it('loads the manifest reader for a manifest, and still imports it, after a registry import in the same process', async () => {
    await runImport(inlineJobContext(ws), { files: [upload('agents.csv', REGISTRY_CSV)], mode: 'apply', skipRows: {} });
    // The workspace written as code and read back: a manifest of the two agents just imported.
    const result = await runImport(inlineJobContext(ws), { files: [upload('agents.yaml', writeManifest(ws.db))], mode: 'apply', skipRows: {} });
    expect(result.value[0]?.format).toBe('agent-manifest');
    expect(new Set(loaded)).toEqual(new Set(['registry', 'manifest']));
  });

  it('names every format it knows, without loading any reader, when a file is none of them', async () => {
    await expect(runImport(inlineJobContext(ws), { files: [upload('notes.bin', '\u0000\u0001binary')], mode: 'apply', skipRows: {} })).rejects.toThrow(
      /Expected one of: LLM usage .*; a cloud IAM export .*; productive units .*; an agents manifest .*; an agent registry spreadsheet .*; OSV advisories/,
    );
    expect(loaded.filter((name) => name !== 'registry' && name !== 'manifest')).toEqual([]);
  });
});
