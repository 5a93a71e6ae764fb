import { describe, expect, it } from 'vitest';
import { readRegistryCsv } from './read-csv';
import { backendErrorOf as errorOf } from '../testing/backend-errors';

describe('readRegistryCsv', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks', () => {
    const text = 'name,rollback\r\n"Bot, the first","Step 1: stop it\r\nStep 2: say ""sorry"""\r\nPlain,x\r\n';
    expect(readRegistryCsv('r.csv', text, ',')).toEqual({
      headers: ['name', 'rollback'],
      headerRowNumber: 1,
      rows: [
        { rowNumber: 2, cells: ['Bot, the first', 'Step 1: stop it\r\nStep 2: say "sorry"'] },
        { rowNumber: 3, cells: ['Plain', 'x'] },
      ],
    });
  });

  it('numbers rows as a spreadsheet shows them: blank lines count, a multi-line cell is one row', () => {
    const text = 'name;owner\n\nA;"Jane\nDoe"\n;\nB;Bob';
    const table = readRegistryCsv('r.csv', text, ';');
    expect(table.rows.map((r) => [r.rowNumber, r.cells[0]])).toEqual([
      [3, 'A'],
      [5, 'B'],
    ]);
  });

  it('keeps quotes inside an unquoted cell as text and ignores spaces after a closing quote', () => {
    const table = readRegistryCsv('r.csv', 'name,owner\nBot,Jane "JD" Doe\n"Quoted"  ,x\n', ',');
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['Bot', 'Jane "JD" Doe'],
      ['Quoted', 'x'],
    ]);
  });

  it('names the line where an unclosed quote opens', () => {
    const text = 'name,owner\nA,Jane\nB,"Bob\nC,Carol\nD,Dan\n';
    const err = errorOf(() => readRegistryCsv('agents.csv', text, ','));
    expect(err.code).toBe('import-invalid');
    expect(err.message).toBe(
      'agents.csv line 3: a quoted cell starts on this line but its closing quote (") never comes; expected a closing " before the end of the file (to put a quote inside a cell, double it: "").',
    );
  });

  it('names the line and what was expected when text follows a closing quote', () => {
    const err = errorOf(() => readRegistryCsv('agents.csv', 'name\tnote\nA\t"multi\nline" oops\n', '\t'));
    expect(err.message).toBe(
      'agents.csv line 3: found "o" right after the closing quote of a cell; expected a tab or the end of the line (to put a quote inside a cell, double it: "").',
    );
  });

  it('drops trailing columns that are empty everywhere and names a headerless column that has data', () => {
    const table = readRegistryCsv('r.csv', 'name,,owner,,\nA,,Jane,note,\n', ',');
    expect(table.headers).toEqual(['name', 'owner', 'Column D']);
    expect(table.rows[0]!.cells).toEqual(['A', 'Jane', 'note']);
  });

  it('pads short rows so every row has one cell per header', () => {
    expect(readRegistryCsv('r.csv', 'name,owner,status\nA\n', ',').rows[0]!.cells).toEqual(['A', '', '']);
  });

  it('skips an Excel "sep=" line and numbers rows as Excel shows them', () => {
    const table = readRegistryCsv('r.csv', 'sep=;\r\nname;owner\r\nBot;Jane\r\n', ';');
    expect(table).toEqual({ headers: ['name', 'owner'], headerRowNumber: 1, rows: [{ rowNumber: 2, cells: ['Bot', 'Jane'] }] });
  });

  it('returns no rows for a header-only file', () => {
    expect(readRegistryCsv('r.csv', '\ufeffname,owner\r\n', ',')).toEqual({ headers: ['name', 'owner'], headerRowNumber: 1, rows: [] });
  });

  it('refuses more than 100,000 data rows with the limit in the message, without reading on', () => {
    const text = `name\n${'agent\n'.repeat(100_001)}`;
    const err = errorOf(() => readRegistryCsv('huge.csv', text, ','));
    expect(err.code).toBe('import-invalid');
    expect(err.message).toBe('huge.csv has more than 100,000 data rows, the most a registry import takes. Split the file and import the parts.');
    expect(readRegistryCsv('max.csv', `name\n${'agent\n'.repeat(100_000)}`, ',').rows).toHaveLength(100_000);
  });

  it('refuses more than 200 columns', () => {
    const header = Array.from({ length: 201 }, (_, i) => `c${i}`).join(',');
    expect(errorOf(() => readRegistryCsv('wide.csv', `${header}\n`, ',')).message).toMatch(/wide\.csv has 201 columns; a registry import takes at most 200/);
  });
});
