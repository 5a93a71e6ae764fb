import { describe, expect, it } from 'vitest';
import { CsvRecordReader, type CsvRecordOptions } from './csv-records';
import { UsageInputError } from './usage-format';

type Rec = [number, string[]];

function read(input: string | Buffer, chunkBytes?: number, options?: CsvRecordOptions): Rec[] {
  const out: Rec[] = [];
  const reader = new CsvRecordReader((cells, line) => out.push([line, cells]), options);
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const step = chunkBytes ?? bytes.length;
  for (let i = 0; i < bytes.length; i += step) reader.write(bytes.subarray(i, i + step));
  reader.end();
  return out;
}

function inputErrorOf(fn: () => void): UsageInputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof UsageInputError) return err;
    throw err;
  }
  throw new Error('expected a UsageInputError');
}

const SAMPLE =
  '\uFEFFrequest_id,spend,metadata,note\r\n' +
  'r1,0.001,"{""user_api_key_alias"": ""bot, one"", ""tags"": [""a""]}",plain\r\n' +
  '"r2",0.5,"line one\r\nline two\nline three",é€😀\n' +
  'r3,,,\r' +
  '\r\n' +
  'r4,"x""y""",  "",last\n' +
  '"r5" ,1,"", \n' +
  'r6,2,3,"ends, without newline"';

const EXPECTED: Rec[] = [
  [1, ['request_id', 'spend', 'metadata', 'note']],
  [2, ['r1', '0.001', '{"user_api_key_alias": "bot, one", "tags": ["a"]}', 'plain']],
  [3, ['r2', '0.5', 'line one\r\nline two\nline three', 'é€😀']],
  [6, ['r3', '', '', '']],
  [8, ['r4', 'x"y"', '  ""', 'last']],
  [9, ['r5', '1', '', ' ']],
  [10, ['r6', '2', '3', 'ends, without newline']],
];

describe('CsvRecordReader', () => {
  it('reads quoted cells with commas, doubled quotes, line breaks; CR, LF and CRLF; strips the BOM', () => {
    expect(read(SAMPLE)).toEqual(EXPECTED);
  });

  it('gives identical records whatever the chunk split (1 byte, 7 bytes, whole, every split point)', () => {
    expect(read(SAMPLE, 1)).toEqual(EXPECTED);
    expect(read(SAMPLE, 7)).toEqual(EXPECTED);
    const bytes = Buffer.from(SAMPLE, 'utf8');
    for (let cut = 1; cut < bytes.length; cut++) {
      const out: Rec[] = [];
      const reader = new CsvRecordReader((cells, line) => out.push([line, cells]));
      reader.write(bytes.subarray(0, cut));
      reader.write(bytes.subarray(cut));
      reader.end();
      expect(out, `split at byte ${cut}`).toEqual(EXPECTED);
    }
  });

  it('accepts string chunks', () => {
    const out: Rec[] = [];
    const reader = new CsvRecordReader((cells, line) => out.push([line, cells]));
    for (let i = 0; i < SAMPLE.length; i += 5) reader.write(SAMPLE.slice(i, i + 5));
    reader.end();
    expect(out).toEqual(EXPECTED);
  });

  it('keeps a trailing empty cell, skips empty lines, and makes no record of a final line break', () => {
    expect(read('a,b,\n\n\nc,d,e\n')).toEqual([
      [1, ['a', 'b', '']],
      [4, ['c', 'd', 'e']],
    ]);
    expect(read('')).toEqual([]);
    expect(read('\uFEFF')).toEqual([]);
    expect(read('""')).toEqual([[1, ['']]]);
  });

  it('keeps a quote inside an unquoted cell as text', () => {
    expect(read('a,Jane "JD" Doe\n')).toEqual([[1, ['a', 'Jane "JD" Doe']]]);
  });

  it('reads another delimiter', () => {
    expect(read('a;"b;c"\n1;2', undefined, { delimiter: ';' })).toEqual([
      [1, ['a', 'b;c']],
      [2, ['1', '2']],
    ]);
  });

  it('refuses a file that ends inside a quoted cell, naming the line the quote opened on', () => {
    for (const step of [1, 7, undefined]) {
      const err = inputErrorOf(() => read('a,b\n1,2\n3,"open\nmore\nlines', step));
      expect(err.position).toBe('line 3');
      expect(err.message).toMatch(/ends before its closing quote.*truncated: export it again/);
    }
  });

  it('refuses text after a closing quote with the line', () => {
    const err = inputErrorOf(() => read('a,b\n"x"y,2\n'));
    expect(err.position).toBe('line 2');
    expect(err.message).toContain('found "y,2\\n" right after the closing quote');
  });

  it('refuses a huge cell at the limit instead of holding it', () => {
    const reader = new CsvRecordReader(() => undefined, { maxRecordChars: 1024 * 1024 });
    reader.write('a,b\n1,"');
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const err = inputErrorOf(() => {
      for (let i = 0; i < 800; i++) reader.write(chunk); // 50 MB
    });
    expect(err.position).toBe('line 2');
    expect(err.message).toContain('runs past 1 Mi characters without its closing quote');
    const unquoted = new CsvRecordReader(() => undefined, { maxRecordChars: 1024 * 1024 });
    const err2 = inputErrorOf(() => {
      for (let i = 0; i < 800; i++) unquoted.write(chunk);
    });
    expect(err2.position).toBe('line 1');
    expect(err2.message).toContain('the record starting on this line runs past 1 Mi characters');
  });

  it('replaces a UTF-8 sequence cut off by the end of the file rather than failing', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from('€').subarray(0, 2)]);
    expect(read(bytes, 1)).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '\uFFFD']],
    ]);
  });
});
