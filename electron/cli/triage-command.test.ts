import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS } from '../../shared/checklist';
import { registryWorkspaceForCli } from './test-registry-workspace';

describe('agent-triage triage', () => {
  const { cli } = registryWorkspaceForCli('atw-cli-triage-');

  it('prints agents by risk with tier and parts, then what fails and what is unknown with why', async () => {
    const run = await cli(['triage', '--workspace', 'w.atw']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Agents by risk/);
    expect(lines[1]).toMatch(/TIER\s+SCORE\s+AGENT\s+SENSITIVITY\s+MONITORING GAP/);
    expect(run.stdout).toMatch(/P\d\s+\d\.\d\d\s+Refund Triage Bot\s+0\.50\s+75%/);
    expect(run.stdout).toMatch(/FAIL\s+Owner is a person: The owner "Platform Team" is a team, not a person\./);
    expect(run.stdout).toMatch(/UNKNOWN No shell execution: No code or configuration of this agent has been scanned/);
  });

  it('gives every agent its row, checklist and risk with --json', async () => {
    const run = await cli(['triage', '--workspace', 'w.atw', '--json']);
    expect(run.code).toBe(0);
    const doc = run.json() as { ok: true; value: { agents: Array<{ row: { name: string; risk: { tier: string } }; checklist: unknown[] }> } };
    expect(doc.value.agents.map((a) => a.row.name).sort()).toEqual(['Idle Helper', 'Refund Triage Bot']);
    for (const a of doc.value.agents) expect(a.checklist).toHaveLength(CHECKLIST_ITEMS.length);
  });

  it('refuses a workspace that does not exist', async () => {
    const run = await cli(['triage', '--workspace', 'missing.atw']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/missing\.atw/);
  });
});
