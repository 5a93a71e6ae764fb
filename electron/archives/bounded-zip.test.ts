import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflatedZipEntries, listZipEntryNames, readZipEntries, type ZipProfile } from './bounded-zip';
import { bombEntry, claimEntryCount, deflatedEntry, storedEntry, writeZip } from './zip-test-files';
import { backendErrorOf as refusal } from '../testing/backend-errors';

const MB = 1024 * 1024;
const profile: ZipProfile = {
  kind: 'a test archive',
  limits: { maxEntries: 10, maxEntryBytes: 4 * MB, maxTotalBytes: 6 * MB, maxRatio: 100 },
  wants: (name) => name.endsWith('.txt'),
  holdsArchivesAt: (name) => name.startsWith('attachments/'),
  advice: 'Split it.',
  damagedMessage: (fileName, detail) => `${fileName} is damaged (${detail}).`,
};

/** Text that deflates about 10:1, like real XML or JSON. */
function ordinaryText(bytes: number): Uint8Array {
  const lines: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const line = `<row r="${i}"><c t="s"><v>${(i * 7919) % 100_003}</v></c></row>\n`;
    lines.push(line);
    size += line.length;
  }
  return strToU8(lines.join('').slice(0, bytes));
}

describe('inflatedZipEntries', () => {
  it('hands on each wanted entry, inflated, in directory order; other entries are never inflated', () => {
    const zip = zipSync({ 'a.txt': strToU8('alpha'), 'b/c.txt': strToU8('gamma'), 'skip.bin': strToU8('x'.repeat(100)), 'empty/': new Uint8Array(0) });
    const seen = [...inflatedZipEntries('ok.zip', zip, profile)].map(({ index, count, name, data }) => `${index}/${count} ${name}=${new TextDecoder().decode(data)}`);
    expect(seen).toEqual(['1/2 a.txt=alpha', '2/2 b/c.txt=gamma']);
  });

  it('reads stored and deflated entries, and ZIP64-free archives written by fflate at every level', () => {
    const text = ordinaryText(300_000);
    for (const level of [0, 1, 9] as const) {
      const entries = readZipEntries('ok.zip', zipSync({ 'big.txt': text }, { level }), profile);
      // Buffer.equals: toEqual walks a 300 KB array element by element for seconds.
      expect(Buffer.from(entries.get('big.txt')!).equals(text)).toBe(true);
    }
  });

  it('refuses an entry that inflates past the per-entry limit, while inflating it', () => {
    const zip = writeZip([bombEntry('huge.txt', 1024 * MB, strToU8('<row/>'))]);
    const error = refusal(() => readZipEntries('bomb.zip', zip, profile));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toBe('bomb.zip was not unpacked: its entry huge.txt inflates to more than 4 MB, the most one entry of a test archive may hold. Split it.');
    expect(error.details).toMatchObject({ limit: 'entry-size', entry: 'huge.txt' });
  });

  it('refuses entries that together inflate past the total limit, each one within the per-entry limit', () => {
    const part = deflatedEntry('x', ordinaryText(3 * MB), 1);
    const zip = writeZip([1, 2, 3].map((n) => ({ ...part, name: `part${n}.txt` })));
    const error = refusal(() => readZipEntries('parts.zip', zip, profile));
    expect(error.message).toBe('parts.zip was not unpacked: its entries inflate to more than 6 MB in all, the most a test archive may hold. Split it.');
    expect(error.details).toMatchObject({ limit: 'total-size' });
  });

  it('refuses a small entry that inflates at a bomb ratio before it reaches the size limits', () => {
    const zip = writeZip([bombEntry('dense.txt', 3 * MB, new Uint8Array([0x20]))]);
    expect(zip.length).toBeLessThan(30_000);
    const error = refusal(() => readZipEntries('dense.zip', zip, profile));
    expect(error.message).toBe('dense.zip was not unpacked: its entry dense.txt inflates to more than 100 times its compressed size, as zip bombs do. Split it.');
    expect(error.details).toMatchObject({ limit: 'ratio' });
  });

  it('lets a small entry compress extremely well: the ratio applies from 1 MB on', () => {
    const zip = zipSync({ 'spaces.txt': new Uint8Array(512 * 1024).fill(0x20) }, { level: 9 });
    expect(readZipEntries('spaces.zip', zip, profile).get('spaces.txt')).toHaveLength(512 * 1024);
  });

  it('refuses more entries than the limit before inflating any, also when most are unwanted', () => {
    const files = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}.bin`, strToU8('x')]));
    const error = refusal(() => listZipEntryNames('many.zip', zipSync(files), profile));
    expect(error.message).toBe('many.zip was not unpacked: it has more than 10 entries, more than a test archive holds. Split it.');
    expect(error.details).toMatchObject({ limit: 'entries' });
  });

  it('refuses an archive inside the archive, by name or by its first bytes, except where the profile expects one', () => {
    const inner = zipSync({ 'a.txt': strToU8('a') });
    expect(refusal(() => readZipEntries('outer.zip', zipSync({ 'inner.zip': inner }), profile)).message).toBe(
      'outer.zip was not unpacked: its entry inner.zip is itself an archive, which a test archive does not hold. Split it.',
    );
    expect(refusal(() => readZipEntries('outer.zip', zipSync({ 'disguised.txt': inner }), profile)).details).toMatchObject({ limit: 'nested-archive', entry: 'disguised.txt' });
    const gzip = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    expect(refusal(() => readZipEntries('outer.zip', zipSync({ 'log.txt': gzip }), profile)).details).toMatchObject({ limit: 'nested-archive' });
    expect([...readZipEntries('mail.zip', zipSync({ 'attachments/inner.zip': inner, 'body.txt': strToU8('hi') }), profile).keys()]).toEqual(['body.txt']);
  });

  it('refuses an entry that inflates past the size its directory declares, as soon as it does', () => {
    const lying = { ...bombEntry('liar.txt', 1024 * MB, strToU8('<row/>')), size: 1000 };
    const error = refusal(() => readZipEntries('liar.zip', writeZip([lying]), profile));
    expect(error.message).toBe('liar.zip is damaged (liar.txt inflates past the 1000 bytes its directory record declares).');
  });

  it('refuses an entry that inflates to less than it declares', () => {
    const short = { ...deflatedEntry('short.txt', strToU8('hello')), size: 50 };
    expect(refusal(() => readZipEntries('short.zip', writeZip([short]), profile)).message).toBe(
      'short.zip is damaged (short.txt inflates to 5 bytes, not the 50 its directory record declares).',
    );
  });

  it('refuses entries that share compressed data (the overlapping-entries bomb)', () => {
    const zip = writeZip([deflatedEntry('a.txt', strToU8('hello')), deflatedEntry('b.txt', strToU8('world'))]);
    const view = new DataView(zip.buffer);
    // Point the second directory record at the first entry's local header.
    const secondRecord = zip.length - 22 - (46 + 'b.txt'.length);
    view.setUint32(secondRecord + 42, 0, true);
    expect(refusal(() => readZipEntries('overlap.zip', zip, profile)).message).toBe('overlap.zip is damaged (entries a.txt and b.txt share compressed data).');
  });

  it('reports truncated files, damaged compressed data, encryption and unknown methods', () => {
    const zip = zipSync({ 'a.txt': ordinaryText(20_000) });
    expect(refusal(() => readZipEntries('cut.zip', zip.subarray(0, zip.length - 30), profile)).message).toBe('cut.zip is damaged (its zip directory is missing).');
    const garbled = zip.slice();
    garbled.fill(0xff, 40, 200);
    expect(refusal(() => readZipEntries('garbled.zip', garbled, profile)).message).toMatch(/^garbled\.zip is damaged \(a\.txt cannot be inflated: .+\)\.$/);
    const encrypted = writeZip([storedEntry('secret.txt', strToU8('x'))]);
    new DataView(encrypted.buffer).setUint16(encrypted.length - 22 - 46 - 'secret.txt'.length + 8, 0x801, true);
    expect(refusal(() => readZipEntries('locked.zip', encrypted, profile)).message).toBe(
      'locked.zip was not unpacked: its entry secret.txt is encrypted. Remove the password and import it again.',
    );
    const lzma = writeZip([{ ...storedEntry('a.txt', strToU8('x')), method: 14 as 0 }]);
    expect(refusal(() => readZipEntries('lzma.zip', lzma, profile)).message).toMatch(/uses compression method 14, and only stored and deflated entries are read/);
  });

  it('refuses a directory that claims a million entries (ZIP64) without walking it', () => {
    const zip = claimEntryCount(zipSync({ 'a.txt': strToU8('a') }), 1_000_000);
    expect(refusal(() => readZipEntries('forged.zip', zip, profile)).details).toMatchObject({ limit: 'entries' });
  });

  it('prints entry names without control characters', () => {
    const zip = zipSync({ 'evil\u001b[31m.txt': new Uint8Array(5 * MB) }, { level: 9 });
    expect(refusal(() => readZipEntries('evil.zip', zip, profile)).message).toContain('its entry evil?[31m.txt inflates');
  });
});
