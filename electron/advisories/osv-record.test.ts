import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BackendError } from '../../shared/errors';
import { parseOsvFile } from './osv-record';

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

function thrown(run: () => unknown): BackendError {
  try {
    run();
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error('expected a BackendError');
}

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
    expect(error.message).toMatch(/^list\.json\[1\] is not a valid OSV record: affected\.0\.ranges\.0\.type: .+; nothing was imported\.$/);
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

  it('refuses, before inflating anything, a small zip whose entry claims to unpack to 4 GB', () => {
    const zip = zipSync({ 'GHSA-1.json': json(record('GHSA-1')) });
    setCentralDirectoryField(zip, 24, 0xfffffff0);
    const error = thrown(() => parseOsvFile('bomb.zip', zip));
    expect(zip.length).toBeLessThan(1_000);
    expect(error.code).toBe('import-invalid');
    expect(error.message).toBe(
      "bomb.zip would unpack to 4,096 MB of JSON, over the 500 MB limit; refusing to unpack it (a zip bomb or not an OSV export). Split it or import the ecosystem's own zip.",
    );
  });

  it('refuses a small zip whose directory claims a million entries', () => {
    const zip = claimEntryCount(zipSync({ 'GHSA-1.json': json(record('GHSA-1')) }), 1_000_000);
    const error = thrown(() => parseOsvFile('many.zip', zip));
    expect(zip.length).toBeLessThan(1_000);
    expect(error.code).toBe('import-invalid');
    expect(error.message).toMatch(/^many\.zip has more than 200,000 entries; refusing to unpack it/);
  });

  it('cuts short an entry that understates its size instead of growing the buffer, and reports the broken JSON', () => {
    const zip = zipSync({ 'GHSA-1.json': json(record('GHSA-1', { details: 'x'.repeat(100_000) })) });
    setCentralDirectoryField(zip, 24, 64);
    const error = thrown(() => parseOsvFile('all.zip', zip));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toMatch(/^all\.zip\/GHSA-1\.json is not valid JSON/);
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

/** Inserts a ZIP64 end-of-directory record and locator claiming `count` entries, as a forged archive would. */
function claimEntryCount(zip: Uint8Array, count: number): Uint8Array {
  const eocd = zip.length - 22;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const directoryOffset = view.getUint32(eocd + 16, true);
  const record = new DataView(new ArrayBuffer(56));
  record.setUint32(0, 0x06064b50, true);
  record.setBigUint64(4, 44n, true);
  record.setBigUint64(24, BigInt(count), true);
  record.setBigUint64(32, BigInt(count), true);
  record.setBigUint64(48, BigInt(directoryOffset), true);
  const locator = new DataView(new ArrayBuffer(20));
  locator.setUint32(0, 0x07064b50, true);
  locator.setBigUint64(8, BigInt(eocd), true);
  locator.setUint32(16, 1, true);
  const out = new Uint8Array(zip.length + 76);
  out.set(zip.subarray(0, eocd));
  out.set(new Uint8Array(record.buffer), eocd);
  out.set(new Uint8Array(locator.buffer), eocd + 56);
  out.set(zip.subarray(eocd), eocd + 76);
  return out;
}
