import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/registry';
import type { AgentDrift } from '../../shared/review';
import { tempDir } from '../store/test-workspace';
import { runCli } from './run-cli';
import { captureIo, type CliJsonDocument } from './test-io';

const HEADER = 'Agent Name,Status,Trigger Type,Data Access Scope,Credentials Held,Owner,Owner E-mail';

describe('agent-triage review and drift', () => {
  let tmp: ReturnType<typeof tempDir>;
  let cli: (argv: string[]) => Promise<{ code: number; stdout: string; stderr: string; json: () => CliJsonDocument }>;
  const sheet = (row: string) => writeFileSync(tmp.file('agents.csv'), `${HEADER}\n${row}\n`);

  beforeEach(async () => {
    tmp = tempDir('atw-cli-review-');
    cli = async (argv) => {
      const out = captureIo({ env: { AGENT_TRIAGE_HOME: tmp.file('home') }, cwd: tmp.dir });
      const code = await runCli(argv, out.io);
      return { code, stdout: out.stdout(), stderr: out.stderr(), json: out.json };
    };
    sheet('Refund Triage Bot,confirmed,webhook,payments.refunds:read,STRIPE_KEY,Priya Raman,priya.raman@example.com');
    expect((await cli(['registry', 'import', 'agents.csv', '--workspace', 'w.atw'])).code).toBe(0);
  });
  afterEach(() => tmp.cleanup());

  it('marks an agent reviewed by name, then lists what a later registry import changed, most serious first', async () => {
    expect((await cli(['drift', 'Refund', '--workspace', 'w.atw'])).stdout).toMatch(/^Refund Triage Bot was never reviewed/);
    const marked = await cli(['review', 'refund triage bot', '--workspace', 'w.atw', '--note', 'with Priya']);
    expect(marked.code).toBe(0);
    expect(marked.stdout).toBe('Marked Refund Triage Bot reviewed (1 review recorded).\n');
    const agents = await cli(['agents', '--workspace', 'w.atw', '--json']);
    expect(JSON.stringify(agents.json())).toContain(todayIso());

    sheet('Refund Triage Bot,confirmed,webhook,payments.refunds:read; payments.ledger:write,STRIPE_KEY; LEDGER_DB_PASSWORD,Priya Raman,priya.raman@example.com');
    expect((await cli(['registry', 'import', 'agents.csv', '--workspace', 'w.atw'])).code).toBe(0);
    const drift = await cli(['drift', 'Refund', '--workspace', 'w.atw']);
    expect(drift.code).toBe(0);
    const lines = drift.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Refund Triage Bot: last reviewed \S+ by \S+ \(with Priya\); 1 review recorded\.$/);
    expect(lines.slice(1)).toEqual([
      '2 changes since the review, most serious first:',
      '  ADDED    Write access: write on payments.ledger  [registry]',
      '  ADDED    Credentials: LEDGER_DB_PASSWORD  [registry]',
    ]);
    const doc = (await cli(['drift', 'Refund', '--workspace', 'w.atw', '--json'])).json() as unknown as { ok: true; value: AgentDrift };
    expect(doc.value.changes.map((c) => `${c.change} ${c.kind} ${c.severity}`)).toEqual(['added write-access high', 'added credential high']);
  });

  it('names an unknown agent and a missing argument clearly', async () => {
    const unknown = await cli(['review', 'Nobody', '--workspace', 'w.atw']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No agent named or with id "Nobody"/);
    const missing = await cli(['drift', '--workspace', 'w.atw']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("agent-triage: agent-triage drift takes AGENT. Run `agent-triage drift --help`.\n");
  });
});
