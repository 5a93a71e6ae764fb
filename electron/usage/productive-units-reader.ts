import type { ImportIssue } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import type { ImportReader } from '../imports/import-reader';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { CsvRecordReader } from './formats/csv-records';
import { columnsOf, productiveUnitsDetector, type Column } from './productive-units-detector';
import { UsageInputError } from './formats/usage-format';
import { upsertProductiveUnits } from './usage-agents';

/** One unit count as the sheet gives it, with its line. */
interface UnitCountRow {
  line: number;
  agent: string;
  unit: string;
  from: string;
  to: string;
  count: number;
}

const MAX_ROWS = 100_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
function isCalendarDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Reads the sheet: every row checked, every problem kept with its line (the file is refused if any). */
function readUnitCounts(fileName: string, text: string): { rows: UnitCountRow[]; errors: ImportIssue[] } {
  const rows: UnitCountRow[] = [];
  const errors: ImportIssue[] = [];
  let columns: Partial<Record<Column, number>> | null = null;
  const reader = new CsvRecordReader((cells, line) => {
    if (columns === null) {
      columns = columnsOf(cells);
      return;
    }
    if (rows.length + errors.length >= MAX_ROWS) throw new BackendError('import-invalid', `${fileName} has more than ${MAX_ROWS.toLocaleString('en-US')} unit counts; split it and import the parts.`);
    const cell = (column: Column) => (cells[columns![column]!] ?? '').trim();
    const problems: string[] = [];
    const agent = cell('agent');
    const unit = cell('unit');
    const from = cell('from');
    const to = cell('to');
    const countText = cell('count').replace(/[,\s_]/g, '');
    if (!agent) problems.push('the agent is empty');
    if (!unit) problems.push('the unit is empty (documents, tickets, ...)');
    if (unit.length > 100) problems.push('the unit is longer than 100 characters');
    if (!isCalendarDay(from)) problems.push(`"${from.slice(0, 40)}" in From is not a date as YYYY-MM-DD`);
    if (!isCalendarDay(to)) problems.push(`"${to.slice(0, 40)}" in To is not a date as YYYY-MM-DD`);
    if (isCalendarDay(from) && isCalendarDay(to) && from > to) problems.push(`the period starts (${from}) after it ends (${to})`);
    const count = /^\d{1,13}$/.test(countText) ? Number(countText) : Number.NaN;
    if (!(count >= 1)) problems.push(`"${cell('count').slice(0, 40)}" in Count is not a whole number of 1 or more`);
    if (problems.length > 0) errors.push({ position: `line ${line}`, message: `${problems.join('; ')}.` });
    else rows.push({ line, agent, unit, from, to, count });
  });
  try {
    reader.write(text);
    reader.end();
  } catch (err) {
    if (err instanceof UsageInputError) throw new BackendError('import-invalid', `${fileName} at ${err.position}: ${err.message} Nothing was imported.`);
    throw err;
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ position: 'line 2', message: 'The sheet has a header and no unit counts.' });
  return { rows, errors };
}

/** Registry agents by id and by name (case and spacing ignored): what a sheet's Agent column names. */
function agentsByName(db: Db): Map<string, string> {
  const byName = new Map<string, string>();
  for (const a of statement(db, 'SELECT id, name FROM agents ORDER BY created_at').all() as Array<{ id: string; name: string }>) {
    const key = a.name.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!byName.has(key)) byName.set(key, a.id);
    byName.set(a.id.toLowerCase(), a.id);
  }
  return byName;
}

const agentOf = (byName: Map<string, string>, agent: string) => byName.get(agent.trim().toLowerCase().replace(/\s+/g, ' '));

/**
 * Productive units: how many documents, tickets or invoices each agent handled in a period, as a
 * CSV with Agent, Unit, From, To and Count columns (any order, headers as people write them), for
 * cost per productive unit. The same agent, unit and period again updates its count.
 */
export const productiveUnitsReader: ImportReader<{ rows: UnitCountRow[]; errors: ImportIssue[] }> = {
  ...productiveUnitsDetector,
  read(source, format) {
    const sheet = readUnitCounts(source.fileName, source.text);
    const counts = { 'unit counts': sheet.rows.length, agents: new Set(sheet.rows.map((r) => r.agent.toLowerCase())).size };
    return { format, provider: null, scope: '', counts, warnings: [], data: sheet };
  },
  sourceKey: (_parsed, source) => `productive-units:${source.sha256}`,
  plan(db, parsed) {
    const byName = agentsByName(db);
    const errors: ImportIssue[] = [...parsed.data.errors];
    for (const row of parsed.data.rows) {
      if (!agentOf(byName, row.agent)) errors.push({ position: `line ${row.line}`, message: `No agent named "${row.agent.slice(0, 80)}" in this workspace; fix the name, or add the agent first.` });
    }
    errors.sort((a, b) => Number(a.position.slice(5)) - Number(b.position.slice(5)));
    return { errors, warnings: [], counts: {}, registry: null };
  },
  apply(db, parsed, _importId, _source, ctx) {
    const byName = agentsByName(db);
    for (const row of parsed.data.rows) {
      ctx.throwIfCancelled();
      upsertProductiveUnits(db, { agentId: agentOf(byName, row.agent)!, unit: row.unit, from: row.from, to: row.to, count: row.count }, ctx.author);
    }
    return { 'unit counts': parsed.data.rows.length };
  },
};
