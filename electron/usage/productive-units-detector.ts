import type { ImportDetector } from '../imports/import-reader';
import { CsvRecordReader } from './formats/csv-records';

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** What each column may be headed, as people write it. */
export const COLUMNS = {
  agent: ['agent', 'agentname', 'agentid', 'name'],
  unit: ['unit', 'unitname', 'units', 'unitofwork'],
  from: ['from', 'fromdate', 'start', 'periodstart', 'startdate'],
  to: ['to', 'todate', 'end', 'periodend', 'enddate'],
  count: ['count', 'quantity', 'produced', 'unitcount', 'number'],
} as const;
export type Column = keyof typeof COLUMNS;

export function columnsOf(header: string[]): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {};
  header.forEach((cell, index) => {
    const name = normalise(cell);
    for (const column of Object.keys(COLUMNS) as Column[]) if (found[column] === undefined && (COLUMNS[column] as readonly string[]).includes(name)) found[column] = index;
  });
  return found;
}

function firstLineCells(text: string): string[] {
  let cells: string[] = [];
  const reader = new CsvRecordReader((record) => {
    if (cells.length === 0) cells = record;
  });
  try {
    reader.write(text.split(/\r?\n/, 1)[0] ?? '');
    reader.end();
  } catch {
    // A first line that is not CSV is no unit count sheet.
    return [];
  }
  return cells;
}

/** Productive unit counts: a CSV whose first line heads all five columns (Agent, Unit, From, To, Count, as people write them). */
export const productiveUnitsDetector: ImportDetector = {
  describes: 'productive units (CSV with Agent, Unit, From, To, Count)',
  detect(source) {
    if (source.looksLikeJson || source.startsWith([0x50, 0x4b, 0x03, 0x04])) return null;
    const columns = columnsOf(firstLineCells(source.headText));
    return (Object.keys(COLUMNS) as Column[]).every((c) => columns[c] !== undefined) ? 'productive-units-csv' : null;
  },
};
