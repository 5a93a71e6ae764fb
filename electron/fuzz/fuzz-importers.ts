import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { BackendError } from '../../shared/errors';
import { inlineJobContext } from '../jobs/job-context';
import { runImport } from '../imports/run-import';
import { createWorkspaceFile, type Workspace } from '../store/workspace-file';
import { iamFuzzTargets, type IamFixturePaths } from './iam-fuzz-targets';
import { manifestFuzzTarget } from './manifest-fuzz-targets';
import { usageFuzzTargets } from './usage-fuzz-targets';
import { hostileJson, mutateBytes, mutateTextBytes, mutateZipEntries, pick, seededRandom, type FuzzSize, type Mutated, type Random } from './mutations';
import { workspaceDigest } from './workspace-snapshot';

/**
 * Fuzzing every importer the same way: seeds of the real format, mutated; each input goes
 * through the importer's real code path (the job implementation on a real workspace file), and
 * the outcome is one of: accepted, refused with a BackendError (the expected answer to a bad
 * file), or a crash (anything else escaping). A refusal must leave the workspace byte-for-byte
 * as it was in every table: otherwise it counts as a partial write.
 */
export interface FuzzInput {
  fileName: string;
  bytes: Uint8Array;
}

export interface FuzzTarget {
  name: string;
  seeds(): Promise<FuzzInput[]>;
  mutate(random: Random, seed: FuzzInput, size: FuzzSize): Mutated & { fileName: string };
  importFile(workspace: Workspace, input: FuzzInput): Promise<void>;
  /** What every fuzz workspace holds before its first input (the agents a manifest names); written before any digest is taken. */
  prepare?(workspace: Workspace): void;
  /** Its share of `npm test` (1,000 small inputs when unset); `npm run bench fuzz` runs 1,000 full-size ones of every target. */
  testInputs?: number;
}

export interface FuzzFailure {
  input: number;
  how: string;
  kind: 'crash' | 'partial write' | 'unhelpful refusal';
  detail: string;
}

export interface FuzzReport {
  target: string;
  inputs: number;
  accepted: number;
  refused: number;
  crashes: number;
  partialWrites: number;
  unhelpfulRefusals: number;
  /** Workspace files that failed SQLite's quick_check when the run left them. */
  damagedWorkspaces: number;
  failures: FuzzFailure[];
  milliseconds: number;
}

/** The targets of `npm test` and `npm run bench fuzz`: every importer the app has. */
export function allFuzzTargets(paths: { registryFixtures: string; curatedAdvisories: string; usageFixtures: string } & IamFixturePaths): FuzzTarget[] {
  return [registryCsvTarget(paths.registryFixtures), registryXlsxTarget(paths.registryFixtures), osvTarget(paths.curatedAdvisories), ...iamFuzzTargets(paths), ...usageFuzzTargets(paths.usageFixtures), manifestFuzzTarget()];
}

/**
 * A workspace that accepted inputs grows (a 30,000-row sheet is 30,000 agents), and the digest
 * taken around every input would grow with it: past this size the run starts over on a new file.
 */
const MAX_WORKSPACE_BYTES = 1024 * 1024;

/** A refusal longer than this echoes the input back instead of saying what is wrong with it. */
const MAX_REFUSAL_CHARS = 10_000;

/** Runs `count` generated inputs through one importer against real workspace files in `folder`. */
export async function fuzzImporter(target: FuzzTarget, folder: string, options: { count: number; seed: number; size: FuzzSize }): Promise<FuzzReport> {
  const random = seededRandom(options.seed);
  const seeds = await target.seeds();
  const report: FuzzReport = { target: target.name, inputs: 0, accepted: 0, refused: 0, crashes: 0, partialWrites: 0, unhelpfulRefusals: 0, damagedWorkspaces: 0, failures: [], milliseconds: 0 };
  let files = 0;
  const freshWorkspace = () => {
    const workspace = createWorkspaceFile(join(folder, `${target.name.replace(/\W+/g, '-')}-${files++}.atw`));
    target.prepare?.(workspace);
    return workspace;
  };
  const retire = (workspace: Workspace) => {
    if (workspace.db.pragma('quick_check', { simple: true }) !== 'ok') report.damagedWorkspaces++;
    workspace.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${workspace.path}${suffix}`, { force: true });
  };
  let workspace = freshWorkspace();
  const started = performance.now();
  try {
    for (let i = 0; i < options.count; i++) {
      const input = target.mutate(random, pick(random, seeds), options.size);
      report.inputs++;
      const before = workspaceDigest(workspace.db);
      try {
        await target.importFile(workspace, input);
        report.accepted++;
        const pages = workspace.db.pragma('page_count', { simple: true }) as number;
        const pageSize = workspace.db.pragma('page_size', { simple: true }) as number;
        if (pages * pageSize > MAX_WORKSPACE_BYTES) {
          retire(workspace);
          workspace = freshWorkspace();
        }
      } catch (error) {
        if (!(error instanceof BackendError) || error.code === 'internal') {
          report.crashes++;
          report.failures.push({ input: i, how: input.how, kind: 'crash', detail: error instanceof Error ? (error.stack ?? error.message).slice(0, 600) : String(error) });
          continue;
        }
        report.refused++;
        if (workspaceDigest(workspace.db) !== before) {
          report.partialWrites++;
          report.failures.push({ input: i, how: input.how, kind: 'partial write', detail: error.message });
        }
        // A refusal must say which file and what was wrong; a bare "invalid" helps nobody.
        // And says it in a message a person can read: not the megabytes of a hostile cell echoed back.
        if (!error.message.includes(input.fileName) || error.message.length < 40 || error.message.length > MAX_REFUSAL_CHARS) {
          report.unhelpfulRefusals++;
          report.failures.push({ input: i, how: input.how, kind: 'unhelpful refusal', detail: error.message.slice(0, 300) });
        }
      }
    }
  } finally {
    retire(workspace);
  }
  report.milliseconds = performance.now() - started;
  return report;
}

/** Imports one file through the whole pipeline (detect, read, plan, apply), in this thread. */
export async function importInline(workspace: Workspace, input: FuzzInput): Promise<void> {
  await runImport(inlineJobContext(workspace, { actor: 'fuzz', via: 'test' }), {
    files: [{ fileName: input.fileName, contentBase64: Buffer.from(input.bytes).toString('base64') }],
    mode: 'apply',
    skipRows: {},
  });
}

const text = new TextEncoder();

/** The registry fixtures: real-shaped consultant sheets, good and bad. */
function registryCsvSeeds(seedDir: string): FuzzInput[] {
  const dir = seedDir;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.csv'))
    .map((name) => ({ fileName: name, bytes: readFileSync(join(dir, name)) }));
}

export function registryCsvTarget(seedDir: string): FuzzTarget {
  return {
    name: 'registry CSV',
    seeds: async () => registryCsvSeeds(seedDir),
    mutate: (random, seed, size) => {
      const mutated = random() < 0.6 ? mutateTextBytes(random, seed.bytes, size) : mutateBytes(random, seed.bytes, size);
      return { ...mutated, fileName: seed.fileName };
    },
    importFile: async (workspace, input) => {
      await importInline(workspace, input);
    },
  };
}

/** Workbooks written by exceljs from the CSV seeds' cells, as Excel would save them. */
async function registryXlsxSeeds(seedDir: string): Promise<FuzzInput[]> {
  const { default: ExcelJS } = await import('exceljs');
  const seeds: FuzzInput[] = [];
  for (const csv of registryCsvSeeds(seedDir)) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Agents');
    for (const line of new TextDecoder().decode(csv.bytes).split(/\r?\n/).filter(Boolean)) sheet.addRow(line.split(','));
    seeds.push({ fileName: csv.fileName.replace(/\.csv$/, '.xlsx'), bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });
  }
  return seeds;
}

export function registryXlsxTarget(seedDir: string): FuzzTarget {
  return {
    name: 'registry XLSX',
    seeds: () => registryXlsxSeeds(seedDir),
    mutate: (random, seed, size) => {
      const mutated =
        random() < 0.7
          ? mutateZipEntries(random, seed.bytes, size, (r, _name, part) => (r() < 0.8 ? mutateTextBytes(r, part, size) : { bytes: text.encode(xmlBomb(r, size)), how: 'entity expansion' }))
          : mutateBytes(random, seed.bytes, size);
      return { ...mutated, fileName: seed.fileName };
    },
    importFile: async (workspace, input) => {
      await importInline(workspace, input);
    },
  };
}

/** XML that asks the parser to expand entities ("billion laughs") or read local files (XXE). */
function xmlBomb(random: Random, size: FuzzSize): string {
  if (random() < 0.5) {
    return `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`;
  }
  const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
  return `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY l0 "${'lol'.repeat(Math.min(100, size.manyItems))}">${levels}]><sst><si><t>&l9;</t></si></sst>`;
}

function osvSeeds(advisoryDir: string): FuzzInput[] {
  const records = readdirSync(advisoryDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ fileName: name, bytes: readFileSync(join(advisoryDir, name)) }));
  const zip = zipSync(Object.fromEntries(records.map((r) => [`PyPI/${r.fileName}`, r.bytes])));
  const list = text.encode(`[${records.map((r) => new TextDecoder().decode(r.bytes)).join(',')}]`);
  return [...records, { fileName: 'all.zip', bytes: zip }, { fileName: 'advisories.json', bytes: list }];
}

/** `advisoryDir`: the curated advisories, real OSV records to mutate. */
export function osvTarget(advisoryDir: string): FuzzTarget {
  return {
    name: 'OSV advisories',
    seeds: async () => osvSeeds(advisoryDir),
    mutate: (random, seed, size) => {
      if (seed.fileName.endsWith('.zip')) {
        const mutated = random() < 0.7 ? mutateZipEntries(random, seed.bytes, size, (r, _name, part) => mutateOsvJson(r, part, size)) : mutateBytes(random, seed.bytes, size);
        return { ...mutated, fileName: seed.fileName };
      }
      return { ...mutateOsvJson(random, seed.bytes, size), fileName: seed.fileName };
    },
    importFile: async (workspace, input) => {
      await importInline(workspace, input);
    },
  };
}

function mutateOsvJson(random: Random, bytes: Uint8Array, size: FuzzSize): Mutated {
  const roll = random();
  if (roll < 0.15) {
    const json = hostileJson(random, size);
    return { bytes: text.encode(json.text), how: json.how };
  }
  if (roll < 0.55) return mutateOsvFields(random, bytes);
  if (roll < 0.85) return mutateTextBytes(random, bytes, size);
  return mutateBytes(random, bytes, size);
}

/** Valid JSON, wrong OSV: fields removed, retyped or given hostile values. */
function mutateOsvFields(random: Random, bytes: Uint8Array): Mutated {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return { bytes, how: 'unchanged (seed was not JSON)' };
  }
  if (Array.isArray(record)) record = (record[0] ?? {}) as Record<string, unknown>;
  const field = pick(random, ['id', 'modified', 'published', 'affected', 'aliases', 'summary', 'severity', 'details']);
  const value = pick<unknown>(random, [
    undefined,
    null,
    42,
    'not a date',
    '../../etc/passwd',
    'GHSA-\u0000-evil',
    '2024-13-45T99:99:99Z',
    '',
    [],
    {},
    [{ package: { ecosystem: 'PyPI', name: 'x' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '' }] }] }],
    [{ package: null }],
    [{ package: { ecosystem: 'PyPI', name: 'x' }, ranges: [{ type: 'NOPE', events: 'x' }] }],
    { toString: 'x' },
  ]);
  if (value === undefined) delete record[field];
  else record[field] = value;
  return { bytes: text.encode(JSON.stringify(record)), how: `field ${field} set to ${JSON.stringify(value)?.slice(0, 60) ?? 'nothing'}` };
}
