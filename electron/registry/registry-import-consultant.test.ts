import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegistryImportPreview } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import { testEngine } from '../api/test-engine';
import { exportThroughJob } from '../exports/test-export';
import { readRegistryCsv } from './read-csv';

/**
 * A registry sheet as consultants receive them: "none" and "n/a" for data access, verbs other
 * than read/write, team owners, an empty owner, formula-like and markup cells, and one row
 * someone started and never named. Imported end to end: preview job, import job, real SQLite.
 */
const CONSULTANT_CSV = readFileSync(join(import.meta.dirname, '..', 'registry', 'fixtures', 'registry-consultant.csv'));

/** The same sheet as an Excel workbook, cell for cell (plus one real formula cell with a cached result). */
async function consultantXlsx(): Promise<Buffer> {
  const table = readRegistryCsv('registry-consultant.csv', CONSULTANT_CSV.toString('utf8'), ',');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Agents');
  sheet.addRow(table.headers);
  for (const row of table.rows) sheet.addRow(row.cells);
  // A formula is never evaluated: its cached result is what the import reads.
  sheet.getCell('H6').value = { formula: `HYPERLINK("http://evil.example","SEC-212")`, result: 'SEC-212' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let env: Awaited<ReturnType<typeof testEngine>>;
afterEach(async () => env?.close());

async function engineWithWorkspace(name = 'w.atw') {
  env = await testEngine();
  await env.call('createWorkspace', { path: env.tmp.file(name) });
  return env;
}

function expectConsultantPreview(preview: RegistryImportPreview) {
  expect(preview.totals).toEqual({ rows: 8, valid: 7, invalid: 1, create: 7, update: 0, unchanged: 0, warnings: 6 });
  expect(preview.invalidRows).toEqual([8]);
  expect(preview.errors).toEqual([{ row: 8, column: 'Agent', message: 'name is empty.' }]);
  expect(preview.rows.map((r) => [r.row, r.action, r.match])).toEqual([
    [2, 'create', 'new'],
    [3, 'create', 'new'],
    [4, 'create', 'new'],
    [5, 'create', 'new'],
    [6, 'create', 'new'],
    [7, 'create', 'new'],
    [8, 'invalid', 'new'],
    [9, 'create', 'new'],
  ]);
  // Warnings sit with their row and name the column: the four verbs and the two team owners.
  expect(preview.warnings.map((w) => [w.row, w.column, w.message.slice(0, 40)])).toEqual([
    [2, 'Data access', '"sendgrid: send": "send" is neither read'],
    [2, 'Owner', '"Payments Team" looks like a team, not a'],
    [3, 'Data access', '"orders-topic:publish": "publish" is nei'],
    [4, 'Data access', '"crm.contacts:delete": "delete" is neith'],
    [5, 'Data access', '"warehouse.finance:export": "export" is '],
    [5, 'Owner', '"Finance Ops" looks like a team, not a p'],
  ]);
  expect(preview.rows[0]!.warnings).toHaveLength(2);
  expect(preview.rows[6]!.errors).toEqual([{ row: 8, column: 'Agent', message: 'name is empty.' }]);
}

describe('a consultant’s registry sheet', () => {
  it.each([
    ['csv', () => Promise.resolve(CONSULTANT_CSV)],
    ['xlsx', consultantXlsx],
  ] as const)('%s: previews with warnings, is refused without a choice, and imports the good rows when told to skip the bad one', async (format, bytes) => {
    await engineWithWorkspace();
    const upload = { fileName: `registry-consultant.${format}`, contentBase64: (await bytes()).toString('base64') };
    expectConsultantPreview(await env.previewRegistry(upload));

    // Without an explicit choice the file is refused whole, with the row and column of the error.
    const refused = await env.finished((await env.startFileImport(upload)).jobId);
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'import-invalid', message: expect.stringMatching(/has 1 problem in 1 row; nothing was imported/) } });
    expect((await env.call('listAgents', {})).workspaceTotal).toBe(0);

    const done = await env.finished((await env.startFileImport(upload, [8])).jobId);
    expect(done).toMatchObject({ state: 'succeeded', result: { kind: 'import', value: [{ counts: { created: 7, updated: 0, unchanged: 0, skipped: 1 } }] } });

    const inventory = await env.call('inventory', {});
    const agent = (name: string) => inventory.agents.find((a) => a.name === name)!;
    expect(inventory.agents).toHaveLength(7);
    expect(agent('Refund Notifier')).toMatchObject({
      dataAccess: [
        { source: 'sendgrid', access: 'other: send' },
        { source: 'payments.refunds', access: 'read' },
      ],
      owner: { name: 'Payments Team', email: '' },
      // Formula-like text is kept as text, never evaluated.
      notes: { Ticket: "=cmd|' /C calc'!A0" },
    });
    expect(agent('Order Events Publisher')).toMatchObject({ dataAccess: [{ source: 'orders-topic', access: 'other: publish' }], description: "@SUM(1+1)*cmd|' /C calc'!A0" });
    expect(agent('Stale Contact Purger')).toMatchObject({ owner: null, notes: { Ticket: '+1-555-0100' }, dataAccess: [{ access: 'other: delete' }, { access: 'read' }] });
    expect(agent('Quarterly Report Exporter')).toMatchObject({ description: '-2+3', dataAccess: [{ source: 'warehouse.finance', access: 'other: export' }] });
    expect(agent('Static FAQ Bot')).toMatchObject({ dataAccess: [], description: "<script>alert('faq')</script>", notes: format === 'xlsx' ? { Ticket: 'SEC-212' } : {} });
    expect(agent('Holiday Greeter').dataAccess).toEqual([]);
    expect(agent('Ledger Tidy-up').dataAccess).toEqual([]);

    // The team owner is flagged on the agent, as for one typed in the app.
    const detail = await env.call('getAgent', { id: agent('Refund Notifier').id });
    expect(detail.flags).toContain('owner-is-team');
  });

  it('skipping rows is still all or nothing: a skip list that misses a bad row imports nothing', async () => {
    await engineWithWorkspace();
    const upload = { fileName: 'registry-consultant.csv', contentBase64: CONSULTANT_CSV.toString('base64') };
    const job = await env.finished((await env.startFileImport(upload, [2])).jobId);
    expect(job.state).toBe('failed');
    expect((await env.call('listAgents', {})).workspaceTotal).toBe(0);
    const error = await env.startFileImport(upload, [0]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'invalid-input' });
  });
});

describe('an export from one workspace imports into another', () => {
  it.each(['csv', 'xlsx'] as const)('%s: new agents are created, an agent of the same name is updated, ids never collide', async (format) => {
    await engineWithWorkspace('a.atw');
    const upload = { fileName: 'registry-consultant.csv', contentBase64: CONSULTANT_CSV.toString('base64') };
    await env.finished((await env.startFileImport(upload, [8])).jobId);
    const exported = await exportThroughJob((method, input) => env.call(method, input as never), `registry-${format}`);

    await env.call('createWorkspace', { path: env.tmp.file('b.atw') });
    const local = await env.call('createAgent', { draft: { name: '  static faq BOT ', vendor: 'internal' } });
    await env.call('createAgent', { draft: { name: 'Only In B' } });

    const preview = await env.previewRegistry({ fileName: exported.fileName, contentBase64: exported.contentBase64 });
    expect(preview.errors).toEqual([]);
    // Access kept as "other: <word>" reads back as written: no warnings about it again.
    expect(preview.warnings.map((w) => w.column)).toEqual(['owner_name', 'owner_name']);
    const faq = preview.rows.find((r) => r.name === 'Static FAQ Bot')!;
    expect(faq).toMatchObject({ action: 'update', match: 'foreign-id-name', agentId: local.id });
    expect(faq.changedFields).toEqual(expect.arrayContaining(['name', 'trigger', 'owner', 'vendor']));
    expect(preview.rows.filter((r) => r.match === 'foreign-id-new').map((r) => r.action)).toEqual(Array(6).fill('create'));
    expect(preview.totals).toMatchObject({ rows: 7, create: 6, update: 1, invalid: 0 });

    const done = await env.finished((await env.startFileImport({ fileName: exported.fileName, contentBase64: exported.contentBase64 })).jobId);
    expect(done).toMatchObject({ state: 'succeeded', result: { value: [{ counts: { created: 6, updated: 1, skipped: 0 } }] } });
    const names = (await env.call('listAgents', {})).rows.map((r) => r.name);
    expect(names).toHaveLength(8);
    expect(names).toContain('Only In B');
    expect((await env.call('getAgent', { id: local.id })).name).toBe('Static FAQ Bot');

    // Importing the same export again changes nothing: the rows now match by name.
    const again = await env.previewRegistry({ fileName: exported.fileName, contentBase64: exported.contentBase64 });
    expect(again.totals).toMatchObject({ create: 0, update: 0, unchanged: 7 });
  });
});

describe('access that is neither read nor write in the registry checks', () => {
  it('a named other access fills the data access field; a source whose access is not stated does not', async () => {
    await engineWithWorkspace();
    const named = await env.call('createAgent', { draft: { name: 'Mailer', dataAccess: [{ source: 'sendgrid', access: 'other: send' }] } });
    const unstated = await env.call('createAgent', { draft: { name: 'Mystery', dataAccess: [{ source: 'crm', access: 'other: not stated' }] } });
    expect(named.completeness.missing).not.toContain('dataAccess');
    expect(unstated.completeness.missing).toContain('dataAccess');
    const rows = (await env.call('listAgents', {})).rows;
    expect(rows.find((r) => r.name === 'Mailer')!.completeness).toEqual(named.completeness);
    expect(rows.find((r) => r.name === 'Mystery')!.completeness).toEqual(unstated.completeness);
    const refused = await env.call('createAgent', { draft: { name: 'Blank', dataAccess: [{ source: 'crm', access: 'other: ' as never }] } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/say what the access is/) });
  });
});
