import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineJobContext } from '../jobs/job-context';
import { runImport } from '../imports/run-import';
import type { FuzzInput, FuzzTarget } from './fuzz-importers';
import { between, hostileJson, mutateBytes, mutateTextBytes, pick, slotsOf, type FuzzSize, type Mutated, type Random } from './mutations';

/**
 * Fuzz targets for the LLM usage formats. Seeds are the project's real-shaped fixtures; the
 * mutations are what usage exports suffer: pages cut off mid-download, counts that go negative or
 * arrive as text, timestamps in another form, a page that says more follow and names none, rows
 * repeated, metadata cells that are not JSON, another provider's export under this name. Half the
 * inputs are imported by path, as the CLI does, so the streamed reading path is fuzzed too.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Fields the usage readers interpret: counts, times, ids, money, paging. */
const INTERPRETED = /tokens|requests|amount|value|spend|time|starting_at|ending_at|has_more|next_page|model|api_key|request_id|traceId|spanId|UnixNano|intValue|metadata|results|data|spans/i;

const WRONG_VALUES: unknown[] = [-1, -1e9, 1e16, 1.5, '12', '-3', 'NaN', 'Infinity', '1e400', '', null, true, [], {}, '2026-13-45T99:00:00Z', '1700000000000000000000', 'yesterday', '2026-11-01 10:00:00+00', 1730419200000];

function mutateTree(random: Random, root: unknown, size: FuzzSize): string {
  const slots = slotsOf(root);
  if (slots.length === 0) return 'nothing to change (empty)';
  const interpreted = slots.filter((s) => typeof s.key === 'string' && INTERPRETED.test(s.key));
  const { parent, key } = interpreted.length > 0 && random() < 0.7 ? pick(random, interpreted) : pick(random, slots);
  const record = parent as Record<string | number, unknown>;
  const at = typeof key === 'number' ? `[${key}]` : `.${key}`;
  switch (between(random, 0, 6)) {
    case 0:
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete record[key];
      return `${at} removed`;
    case 1: {
      const wrong = pick(random, WRONG_VALUES);
      record[key] = structuredClone(wrong);
      return `${at} set to ${JSON.stringify(wrong)}`;
    }
    case 2: {
      // The same bucket, page or row twice: a merge of two exports.
      if (!Array.isArray(parent)) return mutateTree(random, root, size);
      const times = between(random, 1, size.manyItems);
      parent.splice(key as number, 0, ...Array.from({ length: times }, () => structuredClone(parent[key as number])));
      return `${at} repeated ${times} times`;
    }
    case 3: {
      const huge = pick(random, ['A', 'é', '"', '\\', '🤖', '9']).repeat(between(random, 1, size.hugeChars));
      record[key] = huge;
      return `${at} made ${huge.length} characters long`;
    }
    case 4: {
      const depth = between(random, 10, Math.min(size.deepNesting, 5_000));
      record[key] = JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
      return `${at} nested ${depth} deep`;
    }
    case 5: {
      // A page that says more follow and names no next page, or the opposite.
      const pages = slots.filter((s) => s.key === 'has_more');
      if (pages.length === 0) return mutateTree(random, root, size);
      const page = pick(random, pages).parent as Record<string, unknown>;
      page.has_more = true;
      page.next_page = pick(random, [null, '', undefined, 'page_next']);
      return `has_more true with next_page ${JSON.stringify(page.next_page)}`;
    }
    default: {
      Object.defineProperty(record, '__proto__', { value: { polluted: 1 }, enumerable: true, configurable: true, writable: true });
      return 'own key __proto__ added';
    }
  }
}

/** Parses a seed as JSON, JSON lines or CSV rows, so structure (not only bytes) can be damaged. */
function mutateStructure(random: Random, seed: FuzzInput, size: FuzzSize): Mutated {
  const text = decoder.decode(seed.bytes);
  if (seed.fileName.endsWith('.csv')) return mutateCsv(random, text, size);
  let lines: unknown[] | null = null;
  let document: unknown;
  try {
    document = JSON.parse(text) as unknown;
  } catch {
    lines = text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as unknown);
  }
  const changes = between(random, 1, 3);
  const how: string[] = [];
  for (let i = 0; i < changes; i++) how.push(mutateTree(random, lines ?? document, size));
  const out = lines ? lines.map((l) => JSON.stringify(l)).join('\n') : JSON.stringify(document, null, random() < 0.5 ? 2 : 0);
  return { bytes: encoder.encode(out ?? 'null'), how: how.join('; ') };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Cell-level damage of a usage CSV (a header it still recognises, rows that are wrong). */
function mutateCsv(random: Random, text: string, size: FuzzSize): Mutated {
  const lines = text.replace(/\n$/, '').split('\n');
  const row = between(random, 1, Math.max(1, lines.length - 1));
  const cells = (lines[row] ?? '').split(',');
  const column = between(random, 0, Math.max(0, cells.length - 1));
  switch (between(random, 0, 5)) {
    case 0:
      cells[column] = csvCell(String(pick(random, WRONG_VALUES)));
      lines[row] = cells.join(',');
      return { bytes: encoder.encode(lines.join('\n')), how: `line ${row + 1} column ${column + 1} set to a wrong value` };
    case 1:
      lines[row] = random() < 0.5 ? cells.slice(0, -1).join(',') : `${cells.join(',')},extra`;
      return { bytes: encoder.encode(lines.join('\n')), how: `line ${row + 1} with a cell too few or too many` };
    case 2:
      lines[row] = `${cells.slice(0, column).join(',')}${column ? ',' : ''}"${'x'.repeat(between(random, 1, size.hugeChars))}`;
      return { bytes: encoder.encode(lines.join('\n')), how: `line ${row + 1} opens a quote it never closes` };
    case 3: {
      const times = between(random, 1, size.manyItems);
      lines.splice(row, 0, ...Array.from({ length: times }, () => lines[row]!));
      return { bytes: encoder.encode(lines.join('\n')), how: `line ${row + 1} repeated ${times} times` };
    }
    case 4:
      cells[column] = csvCell(`{"truncated": "${'m'.repeat(between(random, 1, size.hugeChars))}`);
      lines[row] = cells.join(',');
      return { bytes: encoder.encode(lines.join('\n')), how: `line ${row + 1} column ${column + 1} holds broken JSON` };
    default:
      lines.splice(1, lines.length - 1);
      return { bytes: encoder.encode(lines.join('\n')), how: 'the header and no rows' };
  }
}

function usageSeeds(dir: string): FuzzInput[] {
  return readdirSync(dir)
    .filter((name) => /\.(json|jsonl|csv)$/.test(name))
    .sort()
    .map((name) => ({ fileName: name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
}

/** Imports by path (streamed from disk, as the CLI does) or as uploaded bytes (as the Import dialog does). */
async function importUsage(workspace: Parameters<FuzzTarget['importFile']>[0], input: FuzzInput, byPath: boolean): Promise<void> {
  const ctx = inlineJobContext(workspace, { actor: 'fuzz', via: 'test' });
  if (!byPath) {
    await runImport(ctx, { files: [{ fileName: input.fileName, contentBase64: Buffer.from(input.bytes).toString('base64') }], mode: 'apply', skipRows: {} });
    return;
  }
  // A folder per input, removed with it: a fuzz run in a test or a bench leaves nothing in tmp.
  const scratch = mkdtempSync(join(tmpdir(), 'atw-usage-fuzz-'));
  const path = join(scratch, input.fileName);
  try {
    writeFileSync(path, input.bytes);
    await runImport(ctx, { files: [{ fileName: input.fileName, path }], mode: 'apply', skipRows: {} });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * One target per family of usage formats; each is also fed the other families' files under its
 * own names (a costs export picked for usage, LiteLLM logs for OTel), which must be refused or
 * read as what they really are, never half-imported.
 */
export function usageFuzzTargets(fixtureDir: string): FuzzTarget[] {
  const all = usageSeeds(fixtureDir);
  const families: Array<[string, RegExp]> = [
    ['OpenAI usage and costs (JSON)', /^openai-(usage|costs).*\.json$/],
    ['OpenAI usage (dashboard CSV)', /^openai-usage\.csv$/],
    ['Anthropic usage and cost reports', /^anthropic-/],
    ['LiteLLM spend logs', /^litellm-/],
    ['OpenTelemetry GenAI traces', /^otel-/],
    // The fuzz workspaces have no agents: every sheet that parses is refused for naming none, which
    // fuzzes reading and checking; writing is covered by productive-units-reader.test.ts.
    ['productive units', /^productive-units/],
  ];
  return families.map(([name, pattern]) => {
    const seeds = all.filter((s) => pattern.test(s.fileName));
    const others = all.filter((s) => !pattern.test(s.fileName));
    let inputs = 0;
    return {
      name: `usage: ${name}`,
      seeds: async () => seeds,
      mutate: (random, seed, size): Mutated & { fileName: string } => {
        const roll = random();
        if (roll < 0.5) return { ...mutateStructure(random, seed, size), fileName: seed.fileName };
        if (roll < 0.6) {
          const at = between(random, 0, Math.max(0, seed.bytes.length - 1));
          return { bytes: seed.bytes.slice(0, at), fileName: seed.fileName, how: `download cut at byte ${at}` };
        }
        if (roll < 0.7) {
          const other = pick(random, others);
          return { bytes: other.bytes, fileName: seed.fileName, how: `${other.fileName} (another export) named ${seed.fileName}` };
        }
        if (roll < 0.75) {
          const hostile = hostileJson(random, size);
          return { bytes: encoder.encode(hostile.text), fileName: seed.fileName, how: hostile.how };
        }
        if (roll < 0.9) return { ...mutateTextBytes(random, seed.bytes, size), fileName: seed.fileName };
        return { ...mutateBytes(random, seed.bytes, size), fileName: seed.fileName };
      },
      importFile: (workspace, input) => importUsage(workspace, input, inputs++ % 2 === 0),
      testInputs: 600,
    };
  });
}
