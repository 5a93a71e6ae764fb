import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { registryToCsv, registryToXlsx } from './export';
import { asExisting, sampleAgents } from './fixtures/sample-agents';
import { parseRegistryFile } from './parse-file';
import { planRegistryImport } from './plan-import';

const FORMULA_STARTS = ['=SUM(A1:A9)', '+49 30 1234', '-1 refund', '@here page me', '\tindented', '\rcarriage'];

function agentsWithDescriptions(descriptions: string[]) {
  const [template] = sampleAgents();
  return descriptions.map((description, i) => ({ ...template!, id: `agt_${i}`, name: `Agent ${i}`, description, notes: { Remark: description } }));
}

async function xlsxCells(bytes: Uint8Array): Promise<ExcelJS.Cell[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const cells: ExcelJS.Cell[] = [];
  workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
  return cells;
}

describe('registry export', () => {
  it('writes a CSV with a UTF-8 BOM, the standard columns in order, then one column per note key', () => {
    const csv = registryToCsv(sampleAgents());
    expect(csv.startsWith('\ufeff')).toBe(true);
    const header = csv.slice(1, csv.indexOf('\r\n'));
    expect(header).toBe(
      'id,name,status,trigger,schedule,data_access,credentials,owner_name,owner_email,last_reviewed,rollback_procedure,rollback_last_rehearsed,description,vendor,environment,Cost Center,Ticket',
    );
    expect(csv).toContain('payments.refunds:write; s3://kestrel-exports/refunds:read');
    expect(csv).toContain('STRIPE_RESTRICTED_KEY; arn:aws:iam::123456789012:role/refund-bot');
    expect(csv).toContain('Tomás Álvarez');
  });

  it('neutralises every cell that starts with = + - @ tab or CR, in CSV and XLSX', async () => {
    const agents = agentsWithDescriptions(FORMULA_STARTS);
    const csv = registryToCsv(agents);
    for (const text of FORMULA_STARTS) expect(csv).toContain(text.includes('\r') ? `"'${text}"` : `'${text}`);

    const cells = await xlsxCells(await registryToXlsx(agents));
    expect(cells.every((cell) => cell.type === ExcelJS.ValueType.String)).toBe(true);
    const texts = cells.map((cell) => cell.value);
    // XML stores a CR as LF.
    for (const text of FORMULA_STARTS) expect(texts).toContain(`'${text.replace('\r', '\n')}`);
  });

  it('re-imports neutralised cells as the original text, and leaves an apostrophe typed by a person alone', async () => {
    const descriptions = [...FORMULA_STARTS.slice(0, 4), "'quoted on purpose", "it's fine"];
    const agents = agentsWithDescriptions(descriptions);
    for (const bytes of [new TextEncoder().encode(registryToCsv(agents)), await registryToXlsx(agents)]) {
      const parsed = await parseRegistryFile('export', bytes);
      expect(parsed.rows.map((r) => r.fields.description)).toEqual(descriptions);
      expect(parsed.rows.map((r) => r.notes.Remark)).toEqual(descriptions);
    }
  });

  it.each(['csv', 'xlsx'] as const)('round trip through %s: export, parse, plan against the same agents gives no change', async (format) => {
    const [first, ...rest] = sampleAgents();
    // Access that is neither read nor write survives the round trip as written.
    const agents = [{ ...first!, dataAccess: [...first!.dataAccess, { source: 'sendgrid', access: 'other: send' as const }, { source: 'crm', access: 'other: full access' as const }] }, ...rest];
    const bytes = format === 'csv' ? new TextEncoder().encode(registryToCsv(agents)) : await registryToXlsx(agents);
    const parsed = await parseRegistryFile(`registry.${format}`, bytes);
    const { preview, operations } = planRegistryImport(parsed, asExisting(agents));
    expect(preview.errors).toEqual([]);
    expect(operations).toEqual([]);
    expect(preview.totals).toEqual({ rows: 4, valid: 4, invalid: 0, create: 0, update: 0, unchanged: 4, warnings: 0 });
    expect(preview.rows.every((r) => r.action === 'unchanged' && r.match === 'id' && r.changedFields.length === 0)).toBe(true);
  });

  it('an export from another workspace creates its agents in an empty one, ids treated as foreign', async () => {
    const agents = sampleAgents();
    const parsed = await parseRegistryFile('registry.csv', new TextEncoder().encode(registryToCsv(agents)));
    const { preview, operations } = planRegistryImport(parsed, []);
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.action, r.match])).toEqual(agents.map(() => ['create', 'foreign-id-new']));
    expect(operations.map((op) => (op.kind === 'create' ? op.draft : null))).toEqual(asExisting(agents).map((a) => a.fields));
  });

  it('round trip into an empty workspace recreates the same agents', async () => {
    const agents = sampleAgents();
    const withoutIds = registryToCsv(agents).replace(/^(\ufeff)id,/, '$1old_id,');
    const parsed = await parseRegistryFile('registry.csv', new TextEncoder().encode(withoutIds));
    const { operations } = planRegistryImport(parsed, []);
    const drafts = operations.map((op) => (op.kind === 'create' ? op.draft : null));
    expect(drafts).toEqual(asExisting(agents).map((a) => ({ ...a.fields, notes: { ...a.fields.notes, old_id: a.id } })));
  });

  it('says each agent as its row is written, in order, in CSV and XLSX; an empty registry is a header row', async () => {
    const agents = sampleAgents();
    const csvRows: Array<[number, number]> = [];
    registryToCsv(agents, (done, of) => void csvRows.push([done, of]));
    const xlsxRows: Array<[number, number]> = [];
    await registryToXlsx(agents, (done, of) => void xlsxRows.push([done, of]));
    const expected = agents.map((_, i) => [i + 1, agents.length]);
    expect(csvRows).toEqual(expected);
    expect(xlsxRows).toEqual(expected);

    const empty = await registryToXlsx([]);
    expect(Buffer.from(empty).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(empty) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.actualRowCount).toBe(1);
    expect(sheet.getRow(1).getCell(1).value).toBe('id');
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('stops at the row where the caller stops it (a cancelled export), writing no more rows', async () => {
    const agents = sampleAgents();
    let rows = 0;
    const stopAtSecond = () => {
      if (++rows === 2) throw new Error('cancelled');
    };
    await expect(registryToXlsx(agents, stopAtSecond)).rejects.toThrow('cancelled');
    expect(rows).toBe(2);
  });
});
