import { describe, expect, it } from 'vitest';
import { detectRegistryFormat, sniffDelimiter } from './detect-format';
import { registryToXlsx } from './export';
import { sampleAgents } from './fixtures/sample-agents';
import { backendErrorOf as errorOf } from '../testing/backend-errors';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A zip with uncompressed entries: enough to stand for "a zip that is not a workbook". */
function storedZip(entries: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

describe('detectRegistryFormat', () => {
  it('recognises an XLSX workbook by its content, whatever the file is called', async () => {
    expect(detectRegistryFormat('registry.csv', await registryToXlsx(sampleAgents()))).toEqual({ format: 'xlsx' });
  });

  it('reads CSV as UTF-8, with or without a BOM', () => {
    expect(detectRegistryFormat('r.csv', bytes('name,owner\nBot,Zoë\n'))).toEqual({ format: 'csv', text: 'name,owner\nBot,Zoë\n', delimiter: ',' });
    const withBom = detectRegistryFormat('r.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('name;owner\n')]));
    expect(withBom).toEqual({ format: 'csv', text: 'name;owner\n', delimiter: ';' });
  });

  it('decodes UTF-16 little and big endian files (Excel "Unicode text")', () => {
    const text = 'name\towner\nRéconciliateur\tZoë\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    for (const file of [le, be]) expect(detectRegistryFormat('r.txt', file)).toEqual({ format: 'csv', text, delimiter: '\t' });
  });

  it.each([
    ['a PDF', '%PDF-1.7\n%âãÏÓ\n1 0 obj', /it is a PDF/],
    ['a PNG', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR', /PNG image/],
    ['a legacy .xls or password-protected workbook', '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0', /legacy Office file such as \.xls, or a password-protected workbook/],
    ['an unknown binary', 'ELF\x02\x01\x01\0\0\0\0\0', /binary file/],
  ])('refuses %s as unsupported and lists the accepted formats', (_what, content, why) => {
    const err = errorOf(() => detectRegistryFormat('agents.xlsx', Buffer.from(content, 'latin1')));
    expect(err.code).toBe('unsupported-format');
    expect(err.message).toMatch(why);
    expect(err.message).toContain(
      'agents.xlsx is not a registry spreadsheet',
    );
    expect(err.message).toContain('expected CSV (comma, semicolon or tab separated, UTF-8) or XLSX (Excel 2007+). Legacy .xls: save it as .xlsx first.');
  });

  it('says a zip without xl/workbook.xml is a zip but not a workbook', () => {
    const docx = storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    const err = errorOf(() => detectRegistryFormat('agents.docx', docx));
    expect(err.code).toBe('unsupported-format');
    expect(err.message).toMatch(/zip archive but not an Excel workbook: it has no xl\/workbook\.xml/);
    expect(detectRegistryFormat('tiny.xlsx', storedZip({ 'xl/workbook.xml': '<workbook/>' }))).toEqual({ format: 'xlsx' });
  });

  it('reports a workbook cut in half as truncated, before any parser runs', async () => {
    const xlsx = await registryToXlsx(sampleAgents());
    const err = errorOf(() => detectRegistryFormat('agents.xlsx', xlsx.subarray(0, Math.floor(xlsx.length / 2))));
    expect(err.code).toBe('import-invalid');
    expect(err.message).toMatch(/^agents\.xlsx could not be read as an Excel workbook; it looks truncated or corrupt \(its zip directory is missing\)/);
  });

  it('names the byte offset and line of the first invalid UTF-8 byte (e.g. a Windows-1252 CSV)', () => {
    const latin1 = Buffer.from('name,owner\nRéconciliateur,Zoë\n', 'latin1');
    const err = errorOf(() => detectRegistryFormat('legacy.csv', latin1));
    expect(err.code).toBe('import-invalid');
    expect(err.message).toContain('legacy.csv is not valid UTF-8 text: byte 0xE9 at offset 12 (line 2)');
    expect(err.message).toContain('CSV UTF-8');
    expect(err.details).toEqual({ offset: 12, line: 2 });
  });

  it('counts the BOM in the offset it reports', () => {
    const file = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('name\n'), 0xc3, 0x28]);
    expect(errorOf(() => detectRegistryFormat('r.csv', file)).details).toEqual({ offset: 8, line: 2 });
  });

  it('refuses an empty file and a file of blank lines with a clear message', () => {
    const empty = errorOf(() => detectRegistryFormat('empty.csv', new Uint8Array()));
    expect(empty.code).toBe('import-invalid');
    expect(empty.message).toBe('empty.csv is empty (0 bytes): expected a header row (e.g. Name, Owner, Trigger) and one row per agent.');
    expect(errorOf(() => detectRegistryFormat('blank.csv', bytes('\r\n  \n\n'))).message).toMatch(/blank\.csv has no content/);
  });
});

describe('sniffDelimiter', () => {
  it.each([
    ['Agent Name,Owner,Trigger\n', ','],
    ['Agent Name;Owner;Trigger\n1,5;x;y', ';'],
    ['Agent Name\tOwner\tTrigger\n', '\t'],
    ['"Name, full";Owner;Trigger\n', ';'],
    ['\n\nname;owner\n', ';'],
    ['name\nBot\n', ','],
    ['sep=;\r\nname,with,commas;owner\n', ';'],
  ])('%j -> %j', (text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });
});
