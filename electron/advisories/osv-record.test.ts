import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseOsvFile, readOsvRecords } from './osv-record';
import { backendErrorOf as thrown } from '../testing/backend-errors';

const record = (id: string, extra: Record<string, unknown> = {}) => ({
  schema_version: '1.6.0',
  id,
  modified: '2025-01-01T00:00:00Z',
  aliases: [`CVE-${id}`],
  summary: `summary of ${id}`,
  affected: [{ package: { ecosystem: 'PyPI', name: 'langchain' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }],
  ...extra,
});
const json = (value: unknown) => strToU8(JSON.stringify(value));

describe('parseOsvFile: JSON', () => {
  it('reads a single record and keeps the fields matching needs', () => {
    const records = parseOsvFile('GHSA-1.json', json(record('GHSA-1')));
    expect(records).toEqual([
      {
        id: 'GHSA-1',
        modified: '2025-01-01T00:00:00Z',
        aliases: ['CVE-GHSA-1'],
        summary: 'summary of GHSA-1',
        affected: [{ package: { ecosystem: 'PyPI', name: 'langchain' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0.0' }] }] }],
      },
    ]);
  });

  it('reads an array of records, with a byte-order mark', () => {
    const bytes = strToU8(`\uFEFF${JSON.stringify([record('A'), record('B')])}`);
    expect(parseOsvFile('export.json', bytes).map((r) => r.id)).toEqual(['A', 'B']);
  });

  it('tolerates fields it does not know, at every level', () => {
    const withExtras = record('GHSA-2', {
      database_specific: { severity: 'HIGH' },
      references: [{ type: 'WEB', url: 'https://example.com' }],
      affected: [{ package: { ecosystem: 'npm', name: 'ai', purl: 'pkg:npm/ai' }, ecosystem_specific: { imports: [] }, versions: ['1.0.0'] }],
    });
    expect(parseOsvFile('GHSA-2.json', json(withExtras))[0]!.affected).toEqual([{ package: { ecosystem: 'npm', name: 'ai', purl: 'pkg:npm/ai' }, versions: ['1.0.0'] }]);
  });

  it('refuses JSON that is not OSV as unsupported-format, saying what is expected', () => {
    const error = thrown(() => parseOsvFile('package.json', json({ name: 'web', version: '1.0.0' })));
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toBe('package.json is JSON but not an OSV advisory: expected OSV JSON (id, affected[]) or an OSV ecosystem zip.');
  });

  it('refuses a file that is neither JSON nor zip as unsupported-format', () => {
    const error = thrown(() => parseOsvFile('advisories.csv', strToU8('id,package\nGHSA-1,langchain\n')));
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toBe('advisories.csv is neither JSON nor a zip archive: expected OSV JSON (id, affected[]) or an OSV ecosystem zip.');
  });

  it('reports malformed JSON as import-invalid', () => {
    const error = thrown(() => parseOsvFile('GHSA-1.json', strToU8('{"id": "GHSA-1", "affected": [')));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toMatch(/^GHSA-1\.json is not valid JSON \(.+\); nothing was imported\.$/);
  });

  it('reports an OSV record with a wrong field as import-invalid, naming the field', () => {
    const broken = record('GHSA-3', { affected: [{ package: { ecosystem: 'PyPI', name: 'x' }, ranges: [{ type: 'CALVER', events: [] }] }] });
    const error = thrown(() => parseOsvFile('list.json', json([record('GHSA-1'), broken])));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toMatch(/^list\.json\[1\] is not a valid OSV record \(record "GHSA-3"\): affected\.0\.ranges\.0\.type: .+; nothing was imported\.$/);
  });
});

describe('parseOsvFile: record checks', () => {
  it.each(['GHSA-prgp-w7vf-ch62', 'PYSEC-2023-1', 'CVE-2023-39659', 'MAL-2024-1234', 'GO-2024-2345', 'RUSTSEC-2024-0001', 'ALSA-2023:1234'])('accepts the id %s', (id) => {
    expect(parseOsvFile('a.json', json(record(id)))[0]!.id).toBe(id);
  });

  it.each([
    ['GHSA/../../etc/passwd', 'must not contain a path separator (/ or \\)'],
    ['GHSA\\evil', 'must not contain a path separator (/ or \\)'],
    ['GHSA..1', 'must not contain ".."'],
    ['GHSA-1\u0000', 'must not contain control characters'],
    ['GHSA-1\u202egnp.exe', 'must not contain control characters'],
    ['GHSA 1', 'must not contain whitespace'],
  ])('refuses the id %j, naming it safely and saying why', (id, why) => {
    const error = thrown(() => parseOsvFile('bad.json', json(record(id))));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toBe(`bad.json is not a valid OSV record (record ${JSON.stringify(id).replace('\u202e', '\\u202e')}): id: ${why}; nothing was imported.`);
  });

  it('refuses a record whose modified is not an RFC 3339 date-time, or is missing', () => {
    expect(thrown(() => parseOsvFile('a.json', json(record('GHSA-1', { modified: 'zzz' })))).message).toBe(
      'a.json is not a valid OSV record (record "GHSA-1"): modified: must be an RFC 3339 date-time such as 2024-05-01T12:00:00Z, not "zzz"; nothing was imported.',
    );
    expect(thrown(() => parseOsvFile('a.json', json(record('GHSA-1', { modified: '2024-05-01' })))).message).toMatch(/modified: must be an RFC 3339 date-time/);
    const { modified: _dropped, ...withoutModified } = record('GHSA-1');
    expect(thrown(() => parseOsvFile('a.json', json(withoutModified))).message).toMatch(/^a\.json is not a valid OSV record \(record "GHSA-1"\): modified: /);
  });

  it('one bad record in a list refuses the whole file', () => {
    const error = thrown(() => parseOsvFile('list.json', json([record('GHSA-1'), record('GHSA-2', { modified: 'yesterday' })])));
    expect(error.message).toMatch(/^list\.json\[1\] is not a valid OSV record \(record "GHSA-2"\): modified: /);
  });
});

describe('parseOsvFile: ecosystem zip', () => {
  it('reads every .json entry, skipping other files and non-OSV JSON', () => {
    const zip = zipSync({
      'GHSA-1.json': json(record('GHSA-1')),
      'nested/PYSEC-2.json': json(record('PYSEC-2')),
      'README.txt': strToU8('not json'),
      'manifest.json': json({ generated: '2025-01-01' }),
      'nested/': new Uint8Array(0),
    });
    expect(parseOsvFile('all.zip', zip).map((r) => r.id).sort()).toEqual(['GHSA-1', 'PYSEC-2']);
  });

  it('is decided by the bytes, not the file name', () => {
    expect(parseOsvFile('download', zipSync({ 'A.json': json(record('A')) })).map((r) => r.id)).toEqual(['A']);
  });

  it('refuses a zip without OSV records as unsupported-format', () => {
    expect(thrown(() => parseOsvFile('photos.zip', zipSync({ 'a.txt': strToU8('x') }))).code).toBe('unsupported-format');
    expect(thrown(() => parseOsvFile('empty.zip', zipSync({}))).code).toBe('unsupported-format');
  });

  it('reports a truncated zip as import-invalid', () => {
    const zip = zipSync({ 'GHSA-1.json': json(record('GHSA-1')) });
    const error = thrown(() => parseOsvFile('all.zip', zip.subarray(0, zip.length - 30)));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toMatch(/^all\.zip is not a readable zip archive \(.+\); it may be truncated or damaged\. Download it again\.$/);
  });

  it('reports an entry with damaged compressed data as import-invalid', () => {
    const zip = zipSync({ 'GHSA-1.json': json(record('GHSA-1', { details: 'x'.repeat(5000) })) }, { level: 9 });
    zip.fill(0xff, 40, 60);
    expect(thrown(() => parseOsvFile('all.zip', zip)).code).toBe('import-invalid');
  });

  it('trusts no declared size: an entry claiming 4 GB inflates to what it holds and is refused as damaged', () => {
    const zip = zipSync({ 'GHSA-1.json': json(record('GHSA-1')) });
    setCentralDirectoryField(zip, 24, 0xfffffff0);
    const error = thrown(() => parseOsvFile('claims.zip', zip));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toMatch(/^claims\.zip is not a readable zip archive \(GHSA-1\.json inflates to \d+ bytes, not the 4294967280 its directory record declares\); it may be truncated or damaged\. Download it again\.$/);
  });

  it('stops an entry that understates its size as soon as it inflates past it', () => {
    const zip = zipSync({ 'GHSA-1.json': json(record('GHSA-1', { details: 'x'.repeat(100_000) })) });
    setCentralDirectoryField(zip, 24, 64);
    expect(thrown(() => parseOsvFile('all.zip', zip)).message).toBe(
      'all.zip is not a readable zip archive (GHSA-1.json inflates past the 64 bytes its directory record declares); it may be truncated or damaged. Download it again.',
    );
  });

  it('hands records on one entry at a time, with how far the reading is', () => {
    const zip = zipSync({ 'a/GHSA-1.json': json(record('GHSA-1')), 'a/GHSA-2.json': json(record('GHSA-2')), 'README.md': strToU8('#') });
    const reads = readOsvRecords('all.zip', zip);
    expect(reads.next().value).toMatchObject({ record: { id: 'GHSA-1' }, done: 1, total: 2 });
    expect(reads.next().value).toMatchObject({ record: { id: 'GHSA-2' }, done: 2, total: 2 });
    expect(reads.next().done).toBe(true);
  });
});

/** Overwrites a 32-bit field of the (single) central directory header: 24 = uncompressed size. */
function setCentralDirectoryField(zip: Uint8Array, offset: number, value: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + offset, value, true);
      return;
    }
  }
  throw new Error('no central directory header');
}
