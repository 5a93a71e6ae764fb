import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRegistryXlsx } from './read-xlsx';
import { backendRejectionOf as errorOf } from '../testing/backend-errors';

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readRegistryXlsx', () => {
  it('turns every kind of cell into the text a person sees, never evaluating a formula', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Agents');
      ws.addRow(['Name', 'Reviewed', 'Owner', 'Runbook', 'Count', 'Active', 'Computed', 'Broken', 'Uncached']);
      ws.addRow([
        'Refund Bot',
        new Date(Date.UTC(2025, 0, 14)),
        { richText: [{ text: 'Priya ' }, { text: 'Raman', font: { bold: true } }] },
        { text: 'Rollback runbook', hyperlink: 'https://wiki.example/runbook' },
        42.5,
        true,
        { formula: 'A2&" (prod)"', result: 'Refund Bot (prod)' },
        { error: '#N/A' },
        { formula: 'NOW()' },
      ]);
      ws.getCell('B2').numFmt = 'dd/mm/yyyy';
    });
    const table = await readRegistryXlsx('agents.xlsx', bytes);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['Refund Bot', '2025-01-14', 'Priya Raman', 'Rollback runbook', '42.5', 'TRUE', 'Refund Bot (prod)', '#N/A', ''] },
    ]);
  });

  it('reads the first visible worksheet with data and keeps its row numbers', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Empty');
      const hidden = wb.addWorksheet('Lookups');
      hidden.addRow(['not', 'this']);
      hidden.state = 'hidden';
      const ws = wb.addWorksheet('Registry');
      ws.getCell('A3').value = 'Agent Name';
      ws.getCell('B3').value = 'Owner';
      ws.getCell('A4').value = 'Refund Bot';
      ws.getCell('A6').value = 'KYC Reviewer';
      ws.getCell('B6').value = 'Tomás Álvarez';
    });
    const table = await readRegistryXlsx('agents.xlsx', bytes);
    expect(table).toEqual({
      headers: ['Agent Name', 'Owner'],
      headerRowNumber: 3,
      rows: [
        { rowNumber: 4, cells: ['Refund Bot', ''] },
        { rowNumber: 6, cells: ['KYC Reviewer', 'Tomás Álvarez'] },
      ],
    });
  });

  it('refuses a workbook without data', async () => {
    const err = await errorOf(async () => readRegistryXlsx('blank.xlsx', await workbookBytes((wb) => wb.addWorksheet('Sheet1'))));
    expect(err.code).toBe('import-invalid');
    expect(err.message).toMatch(/^blank\.xlsx has no worksheet with data/);
  });

  it('refuses a value beyond column 200 without building huge rows', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Registry');
      ws.getCell('A1').value = 'Name';
      ws.getCell(1, 16_384).value = 'stray';
    });
    expect((await errorOf(() => readRegistryXlsx('wide.xlsx', bytes))).message).toMatch(/at most 200/);
  });

  it('reports a workbook whose parts are damaged as corrupt', async () => {
    const good = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Registry');
      ws.addRow(['Name']);
      for (let i = 0; i < 200; i++) ws.addRow([`Agent ${i} with a name long enough to compress`]);
    });
    // Damage the compressed parts but keep the zip directory at the end intact.
    const damaged = good.slice();
    damaged.fill(0x41, 200, Math.floor(good.length * 0.6));
    const err = await errorOf(() => readRegistryXlsx('agents.xlsx', damaged));
    expect(err.code).toBe('import-invalid');
    expect(err.message).toMatch(/^agents\.xlsx could not be read as an Excel workbook; it looks truncated or corrupt \(.+\)\. Open it in Excel, save it again as \.xlsx and import again\.$/);
  });
});
