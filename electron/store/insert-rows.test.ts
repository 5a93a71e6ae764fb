import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertRows, ROWS_PER_INSERT } from './insert-rows';
import { tempDir } from './test-workspace';
import { createWorkspaceFile, type Workspace } from './workspace-file';

let tmp: ReturnType<typeof tempDir>;
let ws: Workspace;
beforeEach(() => {
  tmp = tempDir('atw-insert-rows-');
  ws = createWorkspaceFile(tmp.file('w.atw'));
});
afterEach(() => {
  ws.close();
  tmp.cleanup();
});

const COLUMNS = ['key', 'value'] as const;
const metaRows = () => ws.db.prepare(`SELECT key, value FROM workspace_meta WHERE key LIKE 'row-%' ORDER BY rowid`).all();

describe('multi-row inserts', () => {
  it.each([0, 1, ROWS_PER_INSERT, ROWS_PER_INSERT + 1, 2 * ROWS_PER_INSERT + 37])('writes %i rows, in the order given', (count) => {
    const values = Array.from({ length: count }, (_, i) => [`row-${String(i).padStart(4, '0')}`, `value ${i}`]).flat();
    insertRows(ws.db, 'workspace_meta', COLUMNS, values);
    expect(metaRows()).toEqual(Array.from({ length: count }, (_, i) => ({ key: `row-${String(i).padStart(4, '0')}`, value: `value ${i}` })));
  });

  it('refuses values that are not whole rows, writing nothing', () => {
    expect(() => insertRows(ws.db, 'workspace_meta', COLUMNS, ['row-1', 'a', 'row-2'])).toThrow(/3 values are not whole rows of 2 columns/);
    expect(metaRows()).toEqual([]);
  });
});
