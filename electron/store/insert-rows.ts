import { statement } from './statements';
import type { Db } from './workspace-file';

/**
 * Rows per multi-row INSERT. One statement per row costs a call into SQLite, a bind and a reset
 * each (about a third of writing a 10,000-agent registry import); a hundred rows per statement
 * keep that to one per hundred, and stay far under SQLite's 32,766 bound parameters.
 */
export const ROWS_PER_INSERT = 100;

/**
 * Inserts rows given as one flat list of values, `columns.length` per row, in order: statements
 * of ROWS_PER_INSERT rows and one for the rest (both prepared once per connection). The rows get
 * their rowids in the order given, as one INSERT per row would.
 */
export function insertRows(db: Db, table: string, columns: readonly string[], values: readonly unknown[]): void {
  const width = columns.length;
  const rows = values.length / width;
  if (!Number.isInteger(rows)) throw new Error(`insertRows(${table}): ${values.length} values are not whole rows of ${width} columns`);
  const full = Math.floor(rows / ROWS_PER_INSERT);
  if (full > 0) {
    const insert = statement(db, insertSql(table, columns, ROWS_PER_INSERT));
    const step = ROWS_PER_INSERT * width;
    for (let i = 0; i < full; i++) insert.run(values.slice(i * step, (i + 1) * step));
  }
  const rest = rows - full * ROWS_PER_INSERT;
  if (rest > 0) statement(db, insertSql(table, columns, rest)).run(full === 0 ? values : values.slice(full * ROWS_PER_INSERT * width));
}

const sqlCache = new Map<string, string>();

function insertSql(table: string, columns: readonly string[], rows: number): string {
  const key = `${table}\0${columns.join(',')}\0${rows}`;
  let sql = sqlCache.get(key);
  if (sql === undefined) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
    sqlCache.set(key, sql);
  }
  return sql;
}
