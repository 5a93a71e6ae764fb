import { strToU8, zipSync } from 'fflate';
import { bombEntry, deflatedEntry, writeZip, type TestZipEntry } from '../archives/zip-test-files';

/**
 * Test support: hostile workbooks, generated on the fly. Each is a real workbook skeleton with
 * one part that misbehaves, so the refusal must come from the archive limits and not from a
 * parser that gave up on a broken file.
 */
const MB = 1024 * 1024;

const SKELETON: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Registry" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
};
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SMALL_SHEET = `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row></sheetData></worksheet>`;

function workbook(parts: TestZipEntry[]): Uint8Array {
  const replaced = new Set(parts.map((p) => p.name));
  const skeleton = Object.entries(SKELETON)
    .filter(([name]) => !replaced.has(name))
    .map(([name, xml]) => deflatedEntry(name, strToU8(xml)));
  return writeZip([...skeleton, ...parts]);
}

/** Rows of a sheet that deflate about 10:1, as a real sheet does. */
function ordinarySheetXml(bytes: number): Uint8Array {
  const rows: string[] = [SHEET_HEAD];
  for (let r = 1, size = 0; size < bytes; r++) {
    const row = `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>agent-${(r * 7919) % 1_000_003}</t></is></c></row>`;
    rows.push(row);
    size += row.length;
  }
  return strToU8(rows.join(''));
}

export const WORKBOOK_BOMBS = {
  /** A 1 GB worksheet (row after row) in an 8 MB file. */
  'huge-sheet': () => workbook([bombEntry('xl/worksheets/sheet1.xml', 1024 * MB, strToU8('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), strToU8(SHEET_HEAD))]),
  /** A 1 GB shared-strings table behind an ordinary sheet. */
  'huge-shared-strings': () =>
    workbook([
      deflatedEntry('xl/worksheets/sheet1.xml', strToU8(SMALL_SHEET)),
      bombEntry('xl/sharedStrings.xml', 1024 * MB, strToU8('<si><t>AAAAAAAAAAAAAAAA</t></si>'), strToU8('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')),
    ]),
  /** 5,000 tiny parts. */
  'many-entries': () =>
    workbook([deflatedEntry('xl/worksheets/sheet1.xml', strToU8(SMALL_SHEET)), ...Array.from({ length: 5_000 }, (_, i) => deflatedEntry(`xl/customXml/item${i}.xml`, strToU8('<a/>')))]),
  /** A 12 MB sheet (under the per-part limit) squeezed into ~100 KB. */
  'high-ratio': () => workbook([bombEntry('xl/worksheets/sheet1.xml', 12 * MB, strToU8('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), strToU8(SHEET_HEAD))]),
  /** Three ordinary 12 MB sheets: each part within its limit, 36 MB in all. */
  'total-size': () => {
    const sheet = deflatedEntry('', ordinarySheetXml(12 * MB), 1);
    return workbook([1, 2, 3].map((n) => ({ ...sheet, name: `xl/worksheets/sheet${n}.xml` })));
  },
  /** A zip where the worksheet should be. */
  'nested-zip': () => workbook([deflatedEntry('xl/worksheets/sheet1.xml', zipSync({ 'sheet1.xml': strToU8(SMALL_SHEET) }))]),
} satisfies Record<string, () => Uint8Array>;

export type WorkbookBomb = keyof typeof WORKBOOK_BOMBS;

