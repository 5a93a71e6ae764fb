import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../store/test-workspace';
import { runCli } from './run-cli';
import { captureIo, type CliJsonDocument } from './test-io';

describe('agent-triage triage', () => {
  let tmp: ReturnType<typeof tempDir>;
  let cli: (argv: string[]) => Promise<{ code: number; stdout: string; stderr: string; json: () => CliJsonDocument }>;

  beforeEach(async () => {
    tmp = tempDir('atw-cli-triage-');
    writeFileSync(
      tmp.file('agents.csv'),
      [
        'Agent Name,Status,Trigger Type,Data Access Scope,Credentials Held,Owner,Owner E-mail,Last Reviewed,Rollback Procedure',
        'Refund Triage Bot,confirmed,webhook,payments.refunds:write,STRIPE_KEY,Priya Raman,priya.raman@example.com,2026-11-20,Disable the webhook.',
        'Idle Helper,confirmed,,,,Platform Team,,,',
      ].join('\n'),
    );
    cli = async (argv) => {
      const out = captureIo({ env: { AGENT_TRIAGE_HOME: tmp.file('home') }, cwd: tmp.dir });
      const code = await runCli(argv, out.io);
      return { code, stdout: out.stdout(), stderr: out.stderr(), json: out.json };
    };
    expect((await cli(['registry', 'import', 'agents.csv', '--workspace', 'w.atw'])).code).toBe(0);
  });
  afterEach(() => tmp.cleanup());

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
    for (const a of doc.value.agents) expect(a.checklist).toHaveLength(15);
  });

  it('refuses a workspace that does not exist', async () => {
    const run = await cli(['triage', '--workspace', 'missing.atw']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/missing\.atw/);
  });
});
