import { describe, expect, it } from 'vitest';
import { asExisting, sampleAgents } from './fixtures/sample-agents';
import { parseRegistryFile } from './parse-file';
import { planRegistryImport, type PlanOptions } from './plan-import';

const existing = asExisting(sampleAgents());
const plan = async (csv: string, agents = existing, options: PlanOptions = {}) =>
  planRegistryImport(await parseRegistryFile('registry.csv', new TextEncoder().encode(csv)), agents, options);

describe('planRegistryImport', () => {
  it('creates new agents, updates only what differs, and counts the rest as unchanged', async () => {
    const { preview, operations } = await plan(
      [
        'Agent Name,Status,Owner,Owner E-mail',
        'Refund Triage Bot,confirmed,Priya Raman,priya.raman@kestrelpay.example',
        'KYC Document Reviewer,live,Tomás Álvarez,tomas@kestrelpay.example',
        'Chargeback Evidence Collector,proposed,Rafael Souza,rafael.souza@kestrelpay.example',
        ' support reply drafter ,dismissed,,',
      ].join('\n'),
    );
    expect(preview.errors).toEqual([]);
    expect(preview.totals).toEqual({ rows: 4, valid: 4, invalid: 0, create: 1, update: 2, unchanged: 1, warnings: 0 });
    const none = { warnings: [], errors: [] };
    expect(preview.rows).toEqual([
      { row: 2, name: 'Refund Triage Bot', action: 'unchanged', match: 'name', agentId: 'agt_refund', changedFields: [], ...none },
      { row: 3, name: 'KYC Document Reviewer', action: 'update', match: 'name', agentId: 'agt_kyc', changedFields: ['status', 'owner'], ...none },
      { row: 4, name: 'Chargeback Evidence Collector', action: 'create', match: 'new', agentId: null, changedFields: ['name', 'owner'], ...none },
      { row: 5, name: 'support reply drafter', action: 'update', match: 'name', agentId: 'agt_support', changedFields: ['name'], ...none },
    ]);
    expect(operations).toEqual([
      { kind: 'update', rowNumber: 3, id: 'agt_kyc', patch: { status: 'confirmed', owner: { name: 'Tomás Álvarez', email: 'tomas@kestrelpay.example' } } },
      expect.objectContaining({ kind: 'create', rowNumber: 4, draft: expect.objectContaining({ name: 'Chargeback Evidence Collector', status: 'candidate' }) }),
      // Matched ignoring case and spaces; the file's spelling of the name wins.
      { kind: 'update', rowNumber: 5, id: 'agt_support', patch: { name: 'support reply drafter' } },
    ]);
  });

  it('leaves fields whose columns the file does not have untouched, and a blank status keeps the status', async () => {
    const { operations } = await plan('Name,Status,Trigger\nRefund Triage Bot,,event');
    expect(operations).toEqual([{ kind: 'update', rowNumber: 2, id: 'agt_refund', patch: { trigger: { kind: 'event', schedule: 'POST /hooks/refund-request' } } }]);
  });

  it('matches by id when the file has one, which also renames; an id from another workspace matches by name or is new', async () => {
    const { preview, operations } = await plan('ID,Name\nagt_recon,Ledger Reconciler v2\nagt_gone,Ghost\n,New Agent\nagt_elsewhere,  kyc   DOCUMENT reviewer ');
    expect(operations.map((op) => [op.kind, op.rowNumber])).toEqual([
      ['update', 2],
      ['create', 3],
      ['create', 4],
      ['update', 5],
    ]);
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.row, r.action, r.match, r.agentId])).toEqual([
      [2, 'update', 'id', 'agt_recon'],
      [3, 'create', 'foreign-id-new', null],
      [4, 'create', 'new', null],
      [5, 'update', 'foreign-id-name', 'agt_kyc'],
    ]);
    expect(preview.totals).toMatchObject({ rows: 4, valid: 4, invalid: 0, create: 2, update: 2 });
  });

  it('refuses a name two existing agents share', async () => {
    const twins = [...existing, { ...existing[0]!, id: 'agt_refund_copy' }];
    const { preview, operations } = await plan('Name,Vendor\nRefund Triage Bot,internal', twins);
    expect(operations).toEqual([]);
    expect(preview.errors).toEqual([
      {
        row: 2,
        column: 'Name',
        message: 'ambiguous: 2 agents in this workspace are named "Refund Triage Bot"; add an id column (export the registry to get the ids) to say which one.',
      },
    ]);
  });

  it('refuses a second row for the same agent, on the second row', async () => {
    const { preview } = await plan('Name,Env\nNew Bot,prod\nnew bot ,staging\nagent x,dev\nRefund Triage Bot,prod\nREFUND TRIAGE BOT,dev');
    expect(preview.errors).toEqual([
      { row: 3, column: 'Name', message: 'this agent is already in row 2; keep one row per agent.' },
      { row: 6, column: 'Name', message: 'this agent is already in row 5; keep one row per agent.' },
    ]);
    const byId = await plan('id,name\nagt_kyc,KYC Document Reviewer\nagt_kyc,KYC v2');
    expect(byId.preview.errors).toEqual([{ row: 3, column: 'id', message: 'this agent is already in row 2; keep one row per agent.' }]);
  });

  it('keeps the owner email while the same person owns the agent, and drops it for a new owner', async () => {
    const same = await plan('Name,Owner\nRefund Triage Bot,Priya Raman');
    expect(same.operations).toEqual([]);
    const other = await plan('Name,Owner\nRefund Triage Bot,Marta Kowalski');
    expect(other.operations).toEqual([{ kind: 'update', rowNumber: 2, id: 'agt_refund', patch: { owner: { name: 'Marta Kowalski', email: '' } } }]);
    const emailOnly = await plan('Name,Owner\nNightly Ledger Reconciler,marta@kestrelpay.example');
    expect(emailOnly.operations[0]).toMatchObject({ patch: { owner: { name: 'marta@kestrelpay.example', email: 'marta@kestrelpay.example' } } });
    const cleared = await plan('Name,Owner,Owner Email\nRefund Triage Bot,,');
    expect(cleared.operations[0]).toMatchObject({ patch: { owner: null } });
  });

  it('updates, adds and removes notes for the note columns in the file and keeps the others', async () => {
    const { operations } = await plan('Name,Cost Center,Risk Tier\nRefund Triage Bot,,high\nKYC Document Reviewer,CC-2201,');
    expect(operations).toEqual([{ kind: 'update', rowNumber: 2, id: 'agt_refund', patch: { notes: { Ticket: 'SEC-118', 'Risk Tier': 'high' } } }]);
  });

  it('gathers header and row errors in row order, and plans only the valid rows', async () => {
    const { preview, operations } = await plan(
      ['Name,Owner,Owner Name,Last Reviewed', 'A,Jane,,2025-01-01', 'B,Bob,,31/01/2025', 'C,Cy,,2025-02-30', 'D,Di,,'].join('\n'),
    );
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'Owner Name'],
      [3, 'Last Reviewed'],
      [4, 'Last Reviewed'],
    ]);
    expect(preview.columns.map((c) => c.field)).toEqual(['name', 'owner', null, 'lastReviewed']);
    expect(operations.map((op) => op.rowNumber)).toEqual([2, 5]);
    expect(preview.totals).toEqual({ rows: 4, valid: 2, invalid: 2, create: 2, update: 0, unchanged: 0, warnings: 0 });
    // The header row's error is in no data row: skipping rows cannot fix it.
    expect(preview.invalidRows).toEqual([3, 4]);
    expect(preview.rows.map((r) => [r.row, r.action, r.errors.map((e) => e.column)])).toEqual([
      [2, 'create', []],
      [3, 'invalid', ['Last Reviewed']],
      [4, 'invalid', ['Last Reviewed']],
      [5, 'create', []],
    ]);
  });

  it('leaves out the rows it is asked to skip, as if the file did not have them', async () => {
    const csv = 'Name,Last Reviewed\nA,2025-01-01\nB,31/01/2025\nC,\na ,';
    const first = await plan(csv);
    expect(first.preview.invalidRows).toEqual([3, 5]);
    const skipped = await plan(csv, existing, { skipRows: first.preview.invalidRows });
    expect(skipped.preview.errors).toEqual([]);
    expect(skipped.skipped).toEqual([3, 5]);
    expect(skipped.operations.map((op) => op.rowNumber)).toEqual([2, 4]);
    expect(skipped.preview.totals).toMatchObject({ rows: 2, valid: 2, invalid: 0, create: 2 });
    // Skipping the first of two rows for one agent leaves the second valid.
    expect((await plan(csv, existing, { skipRows: [2, 3] })).operations.map((op) => op.rowNumber)).toEqual([4, 5]);
  });

  it('gathers each row\u2019s warnings with the row, and warnings never make a row invalid', async () => {
    const { preview, operations } = await plan('Name,Data Access,Owner\nMailer,sendgrid: send,Payments Team\nRefund Triage Bot,none,Priya Raman');
    expect(preview.errors).toEqual([]);
    expect(preview.totals).toMatchObject({ valid: 2, invalid: 0, create: 1, update: 1, warnings: 2 });
    expect(preview.rows[0]).toMatchObject({ row: 2, action: 'create', warnings: [{ column: 'Data Access' }, { column: 'Owner' }] });
    expect(preview.warnings.map((w) => [w.row, w.column])).toEqual([
      [2, 'Data Access'],
      [2, 'Owner'],
    ]);
    expect(operations[1]).toEqual({ kind: 'update', rowNumber: 3, id: 'agt_refund', patch: { dataAccess: [] } });
  });
});
