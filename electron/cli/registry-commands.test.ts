import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../api/engine';
import { tempDir } from '../store/test-workspace';
import { runCli } from './run-cli';
import { captureIo, type CliJsonDocument } from './test-io';

const CONSULTANT_CSV = join(import.meta.dirname, '..', 'registry', 'fixtures', 'registry-consultant.csv');
const HEADER = 'Agent Name,Status,Trigger Type,Data Access Scope,Credentials Held,Owner,Owner E-mail,Last Reviewed,Rollback Procedure,Cost Center';
const GOOD_CSV = [
  HEADER,
  'Refund Triage Bot,live,webhook: POST /hooks/refund,payments.refunds:write,STRIPE_KEY,Priya Raman,priya.raman@example.com,2025-01-14,Disable the webhook.,CC-4410',
  'Nightly Ledger Reconciler,confirmed,cron: 0 2 * * *,ledger.entries:read,postgres user recon,Marta Kowalski,marta.kowalski@example.com,2025-02-20,Re-run the job.,CC-4410',
  'Invoice Summariser,candidate,user,billing.invoices:read,OPENAI_API_KEY,Tomás Álvarez,tomas.alvarez@example.com,2024-11-02,Delete the drafts.,CC-2201',
].join('\n');
const BAD_CSV = [
  HEADER,
  'Fraud Alert Enricher,live,event: fraud-alerts,fraud.alerts:read,KAFKA_USER,Samuel Adeyemi,samuel.adeyemi@example.com,11/02/2025,Stop the consumer.,CC-5120',
  'Card Dispute Summariser,confirmed,webhook,disputes.cases:read,OPENAI_API_KEY,Lena Fischer,not-an-email,2025-03-04,Turn off the webhook.,CC-2201',
].join('\n');

describe('registry import and export against a real workspace', () => {
  let tmp: ReturnType<typeof tempDir>;
  let cli: (argv: string[]) => Promise<{ code: number; stdout: string; stderr: string; json: () => CliJsonDocument }>;

  beforeEach(() => {
    tmp = tempDir('atw-cli-');
    writeFileSync(tmp.file('good.csv'), GOOD_CSV);
    writeFileSync(tmp.file('bad.csv'), BAD_CSV);
    cli = async (argv) => {
      const out = captureIo({ env: { AGENT_TRIAGE_HOME: tmp.file('home') }, cwd: tmp.dir });
      const code = await runCli(argv, out.io);
      return { code, stdout: out.stdout(), stderr: out.stderr(), json: out.json };
    };
  });
  afterEach(() => tmp.cleanup());

  /** Reads the workspace back through the engine, as the app would show it. */
  async function agentNamesIn(path: string): Promise<string[]> {
    const engine = await createEngine({ homeDir: tmp.file('reader-home'), host: 'test', version: '0.0.0-test', defaultActor: 'tester', openLastWorkspace: false });
    try {
      const ctx = { actor: '', via: 'test' };
      const opened = await engine.dispatch('openWorkspace', { path }, ctx);
      expect(opened.ok).toBe(true);
      const list = await engine.dispatch('listAgents', {}, ctx);
      if (!list.ok) throw new Error(list.error.message);
      return (list.value as { rows: Array<{ name: string }> }).rows.map((r) => r.name).sort();
    } finally {
      await engine.close();
    }
  }

  it('imports a good CSV into a new workspace and reports what it created', async () => {
    const run = await cli(['registry', 'import', 'good.csv', '--workspace', 'client.atw']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Imported good.csv into client: 3 created, 0 updated, 0 unchanged.\n');
    expect(await agentNamesIn(tmp.file('client.atw'))).toEqual(['Invoice Summariser', 'Nightly Ledger Reconciler', 'Refund Triage Bot']);
  });

  it('reports the import summary as one JSON document with --json, and re-importing changes nothing', async () => {
    await cli(['registry', 'import', 'good.csv', '--workspace', 'client.atw']);
    const again = await cli(['registry', 'import', 'good.csv', '--workspace', 'client.atw', '--json']);
    expect(again.code).toBe(0);
    expect(again.json()).toEqual({
      ok: true,
      value: { file: tmp.file('good.csv'), workspace: tmp.file('client.atw'), created: 0, updated: 0, unchanged: 3, skipped: [], warnings: [] },
    });
  });

  it('refuses a CSV with errors: lists row and column, exits 1, writes nothing', async () => {
    await cli(['registry', 'import', 'good.csv', '--workspace', 'client.atw']);
    const run = await cli(['registry', 'import', 'bad.csv', '--workspace', 'client.atw']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/ {2}row 2, column "Last Reviewed": .+\n/);
    expect(run.stderr).toMatch(/ {2}row 3, column "Owner E-mail": .+\n/);
    expect(run.stderr).toMatch(/\nagent-triage: bad\.csv has 2 errors; nothing was imported\. Fix them, or add --skip-invalid to import the other rows and leave out rows 2, 3\.\n$/);
    expect(await agentNamesIn(tmp.file('client.atw'))).toEqual(['Invoice Summariser', 'Nightly Ledger Reconciler', 'Refund Triage Bot']);
  });

  it('gives every row error in the JSON error details', async () => {
    const run = await cli(['registry', 'import', 'bad.csv', '--workspace', 'client.atw', '--json']);
    expect(run.code).toBe(1);
    expect(run.json()).toEqual({
      ok: false,
      error: {
        code: 'import-invalid',
        message: 'bad.csv has 2 errors; nothing was imported. Fix them, or add --skip-invalid to import the other rows and leave out rows 2, 3.',
        details: [
          { row: 2, column: 'Last Reviewed', message: expect.any(String) },
          { row: 3, column: 'Owner E-mail', message: expect.any(String) },
        ],
      },
    });
  });

  it('does not leave behind a workspace it created for an import that failed', async () => {
    const run = await cli(['registry', 'import', 'bad.csv', '--workspace', 'new.atw']);
    expect(run.code).toBe(1);
    expect(existsSync(tmp.file('new.atw'))).toBe(false);
  });

  it('previews with --dry-run and writes nothing', async () => {
    const missing = await cli(['registry', 'import', 'good.csv', '--workspace', 'new.atw', '--dry-run']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no workspace at');
    expect(existsSync(tmp.file('new.atw'))).toBe(false);

    await cli(['registry', 'import', 'good.csv', '--workspace', 'client.atw']);
    writeFileSync(tmp.file('more.csv'), `${GOOD_CSV}\nLead Scorer,candidate,user,crm.leads:read,OPENAI_API_KEY,Ana Silva,ana.silva@example.com,2025-01-02,Ignore the scores.,CC-1`);
    const run = await cli(['registry', 'import', 'more.csv', '--workspace', 'client.atw', '--dry-run', '--json']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ ok: true, value: { fileName: 'more.csv', totals: { rows: 4, create: 1, invalid: 0 } } });
    expect(await agentNamesIn(tmp.file('client.atw'))).not.toContain('Lead Scorer');
  });

  it('exports CSV to stdout with the imported agents', async () => {
    await cli(['registry', 'import', 'good.csv', '--workspace', 'client.atw']);
    const run = await cli(['registry', 'export', '--workspace', 'client.atw', '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const name of ['Refund Triage Bot', 'Nightly Ledger Reconciler', 'Invoice Summariser', 'priya.raman@example.com']) expect(run.stdout).toContain(name);
  });

  it('exports CSV inside the JSON document with --json', async () => {
    await cli(['registry', 'import', 'good.csv', '--workspace', 'client.atw']);
    const run = await cli(['registry', 'export', '--workspace', 'client.atw', '--format', 'csv', '--json']);
    expect(run.json()).toEqual({ ok: true, value: { fileName: expect.stringMatching(/\.csv$/), mimeType: expect.stringContaining('csv'), content: expect.stringContaining('Refund Triage Bot') } });
  });

  it('writes an XLSX export to --out', async () => {
    await cli(['registry', 'import', 'good.csv', '--workspace', 'client.atw']);
    const run = await cli(['registry', 'export', '--workspace', 'client.atw', '--format', 'xlsx', '--out', 'registry.xlsx', '--json']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ ok: true, value: { path: tmp.file('registry.xlsx'), format: 'xlsx' } });
    expect(readFileSync(tmp.file('registry.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('an XLSX export to a place it cannot write says which file, why and what to do, and writes nothing', async () => {
    await cli(['registry', 'import', 'good.csv', '--workspace', 'client.atw']);
    // A file where the folder should be: refused for root too.
    writeFileSync(tmp.file('reports'), '');
    const run = await cli(['registry', 'export', '--workspace', 'client.atw', '--format', 'xlsx', '--out', 'reports/registry.xlsx']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `agent-triage: Cannot write ${tmp.file('reports/registry.xlsx')}: part of the path is a file, not a folder. Nothing was written; name a file in a folder that exists and that you can write to (or free some space), and run it again.\n`,
    );
    expect(readFileSync(tmp.file('reports'), 'utf8')).toBe('');
    // Without --out a workbook is refused before anything runs: it is not text for a terminal.
    const noOut = await cli(['export', '--workspace', 'client.atw', '--format', 'registry-xlsx']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('An xlsx export is a binary file: name it with --out FILE.');
  });

  it('refuses to export from a workspace that does not exist, without creating it', async () => {
    const run = await cli(['registry', 'export', '--workspace', 'typo.atw', '--format', 'csv']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`agent-triage: There is no workspace at ${tmp.file('typo.atw')}. Check the path; this command reads a workspace and never creates one.\n`);
    expect(existsSync(tmp.file('typo.atw'))).toBe(false);
  });

  it('imports a consultant\u2019s sheet with --skip-invalid: names the skipped row and lists the warnings', async () => {
    writeFileSync(tmp.file('consultant.csv'), readFileSync(CONSULTANT_CSV));
    const refused = await cli(['registry', 'import', 'consultant.csv', '--workspace', 'client.atw']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/ {2}row 8, column "Agent": name is empty\.\n/);
    expect(refused.stderr).toMatch(/agent-triage: consultant\.csv has 1 error; nothing was imported\. Fix them, or add --skip-invalid to import the other rows and leave out row 8\.\n$/);
    expect(existsSync(tmp.file('client.atw'))).toBe(false);

    const run = await cli(['registry', 'import', 'consultant.csv', '--workspace', 'client.atw', '--skip-invalid']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Imported consultant.csv into client: 7 created, 0 updated, 0 unchanged.');
    expect(lines[1]).toBe('Skipped row 8 (--skip-invalid); they have errors and were not imported:');
    expect(lines[2]).toBe('  row 8, column "Agent": name is empty.');
    expect(lines[3]).toBe('6 warnings (imported as written):');
    expect(run.stdout).toContain('  row 2, column "Data access": "sendgrid: send": "send" is neither read nor write; kept as access "other: send".');
    expect(run.stdout).toContain('  row 2, column "Owner": "Payments Team" looks like a team, not a person');
    expect(await agentNamesIn(tmp.file('client.atw'))).toHaveLength(7);
  });

  it('--skip-invalid with --json gives the skipped rows and the warnings; --dry-run shows each row\u2019s action', async () => {
    writeFileSync(tmp.file('consultant.csv'), readFileSync(CONSULTANT_CSV));
    await cli(['registry', 'import', 'good.csv', '--workspace', 'client.atw']);
    const dry = await cli(['registry', 'import', 'consultant.csv', '--workspace', 'client.atw', '--dry-run', '--skip-invalid']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('consultant.csv (csv): 8 rows; would create 7, update 0, leave 0 unchanged, skip 1. Nothing was written.');
    expect(dry.stdout).toContain('  row 2  create     Refund Notifier  [new agent]');
    expect(dry.stdout).toContain('  row 8  skip       (no name)  [new agent]\n      error in "Agent": name is empty.');
    expect(dry.stdout).toContain('      warning in "Data access": "orders-topic:publish": "publish" is neither read nor write');
    expect(await agentNamesIn(tmp.file('client.atw'))).toHaveLength(3);

    const run = await cli(['registry', 'import', 'consultant.csv', '--workspace', 'client.atw', '--skip-invalid', '--json']);
    expect(run.json()).toMatchObject({ ok: true, value: { created: 7, updated: 0, skipped: [8], warnings: expect.arrayContaining([expect.objectContaining({ row: 4, column: 'Data access' })]) } });
  });

  it('an export from one workspace imports into another: new agents created, existing names updated', async () => {
    await cli(['registry', 'import', 'good.csv', '--workspace', 'a.atw']);
    await cli(['registry', 'export', '--workspace', 'a.atw', '--format', 'xlsx', '--out', 'a.xlsx']);
    writeFileSync(tmp.file('b.csv'), `${HEADER}\nrefund  triage BOT,candidate,,,,,,,,\nLocal Only Bot,candidate,,,,,,,,`);
    await cli(['registry', 'import', 'b.csv', '--workspace', 'b.atw']);
    const dry = await cli(['registry', 'import', 'a.xlsx', '--workspace', 'b.atw', '--dry-run']);
    expect(dry.stdout).toMatch(/row \d+ {2}update {5}Refund Triage Bot \(.*status.*\) {2}\[id from another workspace; matched by name\]/);
    expect(dry.stdout).toMatch(/row \d+ {2}create {5}Invoice Summariser {2}\[id from another workspace; new agent\]/);
    const run = await cli(['registry', 'import', 'a.xlsx', '--workspace', 'b.atw']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Imported a.xlsx into b: 2 created, 1 updated, 0 unchanged.\n');
    expect(await agentNamesIn(tmp.file('b.atw'))).toEqual(['Invoice Summariser', 'Local Only Bot', 'Nightly Ledger Reconciler', 'Refund Triage Bot']);
  });
});
