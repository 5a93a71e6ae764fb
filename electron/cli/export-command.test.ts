import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDemoWorkspace } from '../demo/demo-workspace';
import { resourcesDir } from '../resources-dir';
import { registryWorkspaceForCli } from './test-registry-workspace';

describe('agent-triage export', () => {
  const { cli, tmp } = registryWorkspaceForCli('atw-cli-export-');

  it('writes SARIF findings of the demo to --out and says where, in one line', async () => {
    await buildDemoWorkspace(tmp().file('demo.atw'), resourcesDir());
    const run = await cli(['export', '--workspace', 'demo.atw', '--format', 'sarif', '--out', 'findings.sarif']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Exported SARIF 2\\.1\\.0 findings of demo to ${tmp().file('findings.sarif').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(sarif, \\d+ bytes\\)\\.\\n$`));
    const log = JSON.parse(readFileSync(tmp().file('findings.sarif'), 'utf8')) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toContain('h48.irreversible-reviewed');
  }, 60_000);

  it('prints the export to stdout without --out, and as {fileName, mimeType, content} with --json', async () => {
    const plain = await cli(['export', '--workspace', 'w.atw', '--format', 'cyclonedx']);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    const json = await cli(['export', '--workspace', 'w.atw', '--format', 'json', '--json']);
    expect(json.code).toBe(0);
    const value = (json.json() as { ok: true; value: { fileName: string; mimeType: string; content: string } }).value;
    expect(value.fileName).toMatch(/^w-workspace-\d{4}-\d{2}-\d{2}\.json$/);
    expect(value.mimeType).toBe('application/json');
    expect((JSON.parse(value.content) as { agents: Array<{ name: string }> }).agents.map((a) => a.name)).toEqual(['Idle Helper', 'Refund Triage Bot']);
  });

  it('refuses an unknown format with the list of known ones (usage error, exit 2), touching nothing', async () => {
    const run = await cli(['export', '--workspace', 'w.atw', '--format', 'spdx', '--out', 'x.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--format must be one of sarif, cyclonedx, manifest, json, registry-csv, registry-xlsx, not "spdx".');
    expect(existsSync(tmp().file('x.json'))).toBe(false);
  });

  it('says when the out file cannot be written, and exits 1', async () => {
    const run = await cli(['export', '--workspace', 'w.atw', '--format', 'sarif', '--out', 'no-such-folder/findings.sarif']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Cannot write ${tmp().file('no-such-folder/findings.sarif')}: no such file or folder.`);
  });

  it('refuses a workspace that does not exist rather than creating one', async () => {
    const run = await cli(['export', '--workspace', 'missing.atw', '--format', 'json']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('missing.atw');
    expect(existsSync(tmp().file('missing.atw'))).toBe(false);
  });

  it('lists the formats and who uses each in its help', async () => {
    const run = await cli(['export', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--format sarif|cyclonedx|manifest|json|registry-csv|registry-xlsx');
    expect(run.stdout).toContain('sarif: Upload to GitHub code scanning');
    expect(run.stdout).toContain('manifest: Check in next to the agents’ code');
  });
});
