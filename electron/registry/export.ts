import { stringify } from 'csv-stringify/sync';
import type { AgentRecord } from '../../shared/agent';
import type { ExportedFile, RegistryFormat } from '../../shared/contract';
import { neutraliseFormula } from './cell-text';
import { loadExcelJs } from './load-exceljs';

/** Standard columns, in the order of an export; their headers are what the import reads back. */
const STANDARD_COLUMNS: Array<{ header: string; value: (a: AgentRecord) => string }> = [
  { header: 'id', value: (a) => a.id },
  { header: 'name', value: (a) => a.name },
  { header: 'status', value: (a) => a.status },
  { header: 'trigger', value: (a) => a.trigger.kind },
  { header: 'schedule', value: (a) => a.trigger.schedule ?? '' },
  { header: 'data_access', value: (a) => a.dataAccess.map((d) => `${d.source}:${d.access}`).join('; ') },
  { header: 'credentials', value: (a) => a.credentials.join('; ') },
  { header: 'owner_name', value: (a) => a.owner?.name ?? '' },
  { header: 'owner_email', value: (a) => a.owner?.email ?? '' },
  { header: 'last_reviewed', value: (a) => a.lastReviewed ?? '' },
  { header: 'rollback_procedure', value: (a) => a.rollback.procedure ?? '' },
  { header: 'rollback_last_rehearsed', value: (a) => a.rollback.lastRehearsed ?? '' },
  { header: 'description', value: (a) => a.description },
  { header: 'vendor', value: (a) => a.vendor },
  { header: 'environment', value: (a) => a.environment },
];

/** Header row then one row per agent, every cell neutralised; note keys follow the standard columns. */
function registryRows(agents: AgentRecord[]): string[][] {
  const noteKeys = [...new Set(agents.flatMap((a) => Object.keys(a.notes)))];
  const header = [...STANDARD_COLUMNS.map((c) => c.header), ...noteKeys];
  const rows = agents.map((a) => [...STANDARD_COLUMNS.map((c) => c.value(a)), ...noteKeys.map((k) => (Object.hasOwn(a.notes, k) ? a.notes[k]! : ''))]);
  return [header, ...rows].map((row) => row.map(neutraliseFormula));
}

/**
 * CSV with a UTF-8 BOM (so Excel reads accents) and CRLF line ends (RFC 4180). Any cell with a
 * line break is quoted: csv-stringify only quotes the record delimiter, and a lone CR would end the row.
 */
export function registryToCsv(agents: AgentRecord[]): string {
  return stringify(registryRows(agents), { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

export async function registryToXlsx(agents: AgentRecord[]): Promise<Uint8Array> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Registry', { views: [{ state: 'frozen', ySplit: 1 }] });
  // Plain string values only: exceljs writes a formula solely for { formula } objects.
  for (const row of registryRows(agents)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 24;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

const MIME_TYPES: Record<RegistryFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The export as the contract returns it, named after the day it was taken. */
export async function exportRegistryFile(agents: AgentRecord[], format: RegistryFormat, today: string): Promise<ExportedFile> {
  const bytes = format === 'csv' ? new TextEncoder().encode(registryToCsv(agents)) : await registryToXlsx(agents);
  return { fileName: `agent-registry-${today}.${format}`, mimeType: MIME_TYPES[format], contentBase64: Buffer.from(bytes).toString('base64') };
}
