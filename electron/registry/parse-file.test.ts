import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AgentRecord } from '../../shared/agent';
import { BackendError } from '../../shared/errors';
import { registryToCsv } from './export';
import { asExisting, sampleAgents } from './fixtures/sample-agents';
import { parseRegistryFile } from './parse-file';
import { planRegistryImport } from './plan-import';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

async function rejection(promise: Promise<unknown>): Promise<BackendError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (err instanceof BackendError) return err;
  throw new Error(`expected a BackendError, got ${String(err)}`);
}

describe('registry fixtures', () => {
  it('registry-good.csv: four agents of a fintech, loose headers, accents and a Cost Center note', async () => {
    const parsed = await parseRegistryFile('registry-good.csv', fixture('registry-good.csv'));
    const { preview, operations } = planRegistryImport(parsed, []);
    expect(preview.errors).toEqual([]);
    expect(preview.totals).toMatchObject({ rows: 4, valid: 4, create: 4 });
    expect(preview.columns.find((c) => c.header === 'Cost Center')).toEqual({ header: 'Cost Center', field: null });
    const kyc = operations.find((op) => op.kind === 'create' && op.draft.name === 'KYC Document Reviewer');
    expect(kyc).toMatchObject({
      rowNumber: 3,
      draft: {
        status: 'confirmed',
        trigger: { kind: 'event', schedule: 'kyc-uploads queue' },
        dataAccess: [
          { source: 's3://kestrel-kyc-documents', access: 'read' },
          { source: 'compliance.kyc_cases', access: 'write' },
        ],
        owner: { name: 'Tomás Álvarez', email: 'tomas.alvarez@kestrelpay.example' },
        notes: { 'Cost Center': 'CC-2201' },
      },
    });
  });

  it('registry-two-bad-rows.csv: errors on rows 3 and 5 name the column; registry-fixed.csv imports all six', async () => {
    const bad = planRegistryImport(await parseRegistryFile('registry-two-bad-rows.csv', fixture('registry-two-bad-rows.csv')), []);
    expect(bad.preview.errors).toEqual([
      { row: 3, column: 'Last Reviewed', message: '"11/02/2025" is ambiguous; write dates as YYYY-MM-DD (2025-02-11 if it is day/month, 2025-11-02 if month/day).' },
      { row: 5, column: 'Owner E-mail', message: '"rafael.souza(at)kestrelpay.example" is not an email address; expected e.g. jane.doe@example.com, or leave it blank.' },
    ]);
    // A source without an access is kept (as "other: not stated") and only warned about.
    expect(bad.preview.warnings).toEqual([
      {
        row: 5,
        column: 'Data Access Scope',
        message: '"warehouse.transactions" does not say read or write; kept as access "other: not stated". Write "warehouse.transactions:read" or "warehouse.transactions:write" if it is one of those.',
      },
    ]);
    expect(bad.preview.invalidRows).toEqual([3, 5]);
    expect(bad.preview.totals).toEqual({ rows: 6, valid: 4, invalid: 2, create: 4, update: 0, unchanged: 0, warnings: 1 });

    const fixed = planRegistryImport(await parseRegistryFile('registry-fixed.csv', fixture('registry-fixed.csv')), []);
    expect(fixed.preview.errors).toEqual([]);
    expect(fixed.operations.map((op) => op.kind)).toEqual(Array(6).fill('create'));
  });

  it('reads an XLSX registry with real cell types: dates, rich text, links and cached formula results', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Agents');
    sheet.addRow(['Agent Name', 'Owner', 'Owner E-mail', 'Runs on', 'Data Access Scope', 'Last Reviewed', 'Rollback Procedure', 'Cost Center']);
    sheet.addRow([
      'Refund Triage Bot',
      { richText: [{ text: 'Priya ' }, { text: 'Raman', font: { italic: true } }] },
      { text: 'priya.raman@kestrelpay.example', hyperlink: 'mailto:priya.raman@kestrelpay.example' },
      'Webhook',
      'payments.refunds:write\ncrm.customers:read',
      new Date(Date.UTC(2025, 0, 14)),
      { text: 'Runbook: disable the webhook', hyperlink: 'https://wiki.kestrelpay.example/refund-rollback' },
      { formula: '"CC-"&4410', result: 'CC-4410' },
    ]);
    sheet.addRow([]);
    sheet.addRow(['KYC Document Reviewer', 'Tomás Álvarez', '', 'event', 's3://kestrel-kyc-documents (read)', '2024-11-02', '', 'CC-2201']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const parsed = await parseRegistryFile('registry.xlsx', bytes);
    const { preview, operations } = planRegistryImport(parsed, []);
    expect(preview).toMatchObject({ format: 'xlsx', errors: [], totals: { rows: 2, create: 2 } });
    expect(operations.map((op) => op.rowNumber)).toEqual([2, 4]);
    expect(operations[0]).toMatchObject({
      draft: {
        owner: { name: 'Priya Raman', email: 'priya.raman@kestrelpay.example' },
        trigger: { kind: 'webhook', schedule: null },
        lastReviewed: '2025-01-14',
        rollback: { procedure: 'Runbook: disable the webhook', lastRehearsed: null },
        notes: { 'Cost Center': 'CC-4410' },
      },
    });
  });

  it('a header-only file plans nothing; an empty file is refused', async () => {
    const headerOnly = planRegistryImport(await parseRegistryFile('h.csv', new TextEncoder().encode('Agent Name,Owner\r\n')), []);
    expect(headerOnly.preview.totals).toEqual({ rows: 0, valid: 0, invalid: 0, create: 0, update: 0, unchanged: 0, warnings: 0 });
    expect(headerOnly.operations).toEqual([]);
    const empty = await rejection(parseRegistryFile('empty.csv', new Uint8Array()));
    expect(empty.message).toMatch(/^empty\.csv is empty/);
  });

  it('a PDF renamed .csv is refused as unsupported', async () => {
    const err = await rejection(parseRegistryFile('registry.csv', new TextEncoder().encode('%PDF-1.4\n')));
    expect(err.code).toBe('unsupported-format');
  });

  it('parses and plans 10,000 rows', async () => {
    const [template] = sampleAgents();
    const agents: AgentRecord[] = Array.from({ length: 10_000 }, (_, i) => ({ ...template!, id: `agt_${i}`, name: `Agent ${i}`, credentials: [`KEY_${i}`] }));
    const bytes = new TextEncoder().encode(registryToCsv(agents));
    const existing = asExisting(agents);
    const { preview } = planRegistryImport(await parseRegistryFile('big.csv', bytes), existing);
    expect(preview.totals).toMatchObject({ rows: 10_000, valid: 10_000, unchanged: 10_000 });
  });
});
