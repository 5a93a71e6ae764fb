import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../shared/contract';
import { createEngine, type Engine } from '../api/engine';
import { tempDir } from '../store/test-workspace';
import { exportThroughJob } from './test-export';
import { cycloneDxSchemaValidator, sarifSchemaValidator } from './test-schema-validators';

/** A workspace with nothing in it yet still exports valid, empty files: a pipeline can run before the first scan. */
describe('exports of an empty workspace', () => {
  const tmp = tempDir('atw-exports-empty-');
  const ctx = { actor: 'tester', via: 'test' };
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine({ homeDir: tmp.file('home'), host: 'test', version: '0.0.0-test', defaultActor: 'tester', openLastWorkspace: false });
    const created = await engine.dispatch('createWorkspace', { path: tmp.file('Acme Bank review.atw') }, ctx);
    expect(created.ok).toBe(true);
  });
  afterAll(async () => {
    await engine.close();
    tmp.cleanup();
  });
  async function exported(format: string): Promise<{ file: ExportedFile; doc: Record<string, unknown> }> {
    const file = await exportThroughJob(async (method, input) => {
      const result = await engine.dispatch(method, input, ctx);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    }, format);
    return { file, doc: JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as Record<string, unknown> };
  }

  it('writes SARIF with every checklist rule and no results, which the schema accepts', async () => {
    const { file, doc } = await exported('sarif');
    expect(file.fileName).toMatch(/^acme-bank-review-findings-/);
    expect(sarifSchemaValidator()(doc).errors).toEqual([]);
    const run = (doc as { runs: Array<{ results: unknown[]; tool: { driver: { rules: unknown[] } } }> }).runs[0]!;
    expect(run.results).toEqual([]);
    expect(run.tool.driver.rules.length).toBeGreaterThan(20);
  });

  it('writes a CycloneDX bill of materials naming the workspace and no agents, which the schema accepts', async () => {
    const { doc } = await exported('cyclonedx');
    expect(cycloneDxSchemaValidator()(doc).errors).toEqual([]);
    expect(doc).toMatchObject({ specVersion: '1.6', metadata: { component: { name: 'Acme Bank review' } }, components: [], services: [], vulnerabilities: [] });
  });

  it('writes workspace JSON with no agents, no plan started and no usage', async () => {
    const { doc } = await exported('json');
    expect(doc).toMatchObject({ formatVersion: 1, workspace: { name: 'Acme Bank review' }, agents: [], usage: { period: null } });
  });

  it('says so when no workspace is open', async () => {
    const bare = await createEngine({ homeDir: tmp.file('home2'), host: 'test', version: '0.0.0-test', defaultActor: 'tester', openLastWorkspace: false });
    try {
      expect(await bare.dispatch('startWorkspaceExport', { format: 'sarif' }, ctx)).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
    } finally {
      await bare.close();
    }
  });
});
