import { strToU8, zipSync } from 'fflate';
import { bombEntry, claimEntryCount, deflatedEntry, writeZip } from '../archives/zip-test-files';

/**
 * Test support: hostile OSV zips, generated on the fly. Each holds a genuine record beside the
 * entry that misbehaves, so the refusal must come from the archive limits.
 */
const MB = 1024 * 1024;

const genuine = () =>
  deflatedEntry(
    'PyPI/GHSA-0001-0001-0001.json',
    strToU8(JSON.stringify({ id: 'GHSA-0001-0001-0001', modified: '2025-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'PyPI', name: 'langchain' }, versions: ['0.1.0'] }] })),
  );
const RECORD_HEAD = strToU8('{"id":"GHSA-9999-9999-9999","modified":"2025-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"x"},"versions":[');

export const OSV_BOMBS = {
  /** One record that inflates to 1 GB (a `versions` list that never ends), in a 7 MB file. */
  'huge-entry': () => writeZip([genuine(), bombEntry('PyPI/GHSA-9999-9999-9999.json', 1024 * MB, strToU8('"1.0.0",'), RECORD_HEAD)]),
  /** A directory that claims a million entries. */
  'many-entries': () => claimEntryCount(writeZip([genuine()]), 1_000_000),
  /** A 6 MB record (under the per-entry limit) squeezed into ~40 KB. */
  'high-ratio': () => writeZip([genuine(), bombEntry('PyPI/GHSA-9999-9999-9999.json', 6 * MB, strToU8('"1.0.0",'), RECORD_HEAD)]),
  /** Ecosystem zips zipped together. */
  'nested-zip': () => writeZip([genuine(), deflatedEntry('npm.zip', zipSync({ 'GHSA-0002-0002-0002.json': strToU8('{}') }))]),
} satisfies Record<string, () => Uint8Array>;

export type OsvBomb = keyof typeof OSV_BOMBS;
