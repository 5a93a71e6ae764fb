import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FuzzInput, FuzzTarget } from './fuzz-importers';
import { importInline } from './fuzz-importers';
import { between, HOSTILE_TEXT, hostileJson, mutateBytes, mutateTextBytes, pick, type FuzzSize, type Mutated, type Random } from './mutations';

/**
 * Fuzz targets for the cloud IAM exports. Seeds are the real-shaped fixtures; mutations are the
 * damage IAM exports really suffer: a download cut off mid-way, a field a newer CLI writes as a
 * list where an older one wrote a string, a policy document as JSON text or URL-encoded text (the
 * query API), both timestamp forms AWS prints, missing optional fields and nulls, hand edits, a
 * BOM or CRLF from an editor on Windows, and one provider's file picked where another's was meant.
 * Hostile content (huge strings, deep nesting, "__proto__" keys, duplicate keys) rides along.
 */

export interface IamFixturePaths {
  /** electron/iam: its {aws,gcp,azure,kubernetes}/fixtures folders. */
  iamFixtures: string;
  /** resources/demo/iam: the demo engagement's exports. */
  demoIam: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface IamSeeds {
  awsAuthorization: FuzzInput[];
  awsCredentialReport: FuzzInput[];
  gcp: FuzzInput[];
  azure: FuzzInput[];
  kubernetes: FuzzInput[];
}

function loadSeeds(paths: IamFixturePaths): IamSeeds {
  const read = (dir: string, name: string, as = name): FuzzInput => ({ fileName: as, bytes: readFileSync(join(dir, name)) });
  const fixtures = (provider: string) => join(paths.iamFixtures, provider, 'fixtures');
  const authorization = [read(fixtures('aws'), 'authorization-details.json'), read(paths.demoIam, 'aws-prod-authorization-details.json')];
  const reports = [read(fixtures('aws'), 'credential-report.csv'), read(paths.demoIam, 'aws-prod-credential-report.csv')];
  return {
    awsAuthorization: [...authorization, ...authorization.map(urlEncodedDocuments)],
    // The raw `aws iam get-credential-report` JSON carries the CSV base64-encoded.
    awsCredentialReport: [...reports, ...reports.map((r) => ({ fileName: r.fileName.replace(/\.csv$/, '.json'), bytes: encoder.encode(credentialReportJson(decoder.decode(r.bytes))) }))],
    gcp: ['project-iam-policy.json', 'asset-iam-policies.json', 'service-accounts.json', 'service-account-keys.json'].map((name) => read(fixtures('gcp'), name)),
    azure: [read(fixtures('azure'), 'role-assignments.json')],
    kubernetes: [read(fixtures('kubernetes'), 'rbac-list.json'), read(paths.demoIam, 'kubernetes-rbac.json')],
  };
}

function credentialReportJson(csv: string): string {
  return JSON.stringify({ Content: Buffer.from(csv, 'utf8').toString('base64'), ReportFormat: 'text/csv', GeneratedTime: '2024-06-01T12:00:00Z' }, null, 4);
}

/** The same export with every policy document as URL-encoded JSON text, as the IAM query API returns them. */
function urlEncodedDocuments(seed: FuzzInput): FuzzInput {
  const json = JSON.parse(decoder.decode(seed.bytes)) as unknown;
  visit(json, (parent, key, value) => {
    if (/Document$/.test(String(key)) && value && typeof value === 'object') parent[key] = encodeURIComponent(JSON.stringify(value));
  });
  return { fileName: seed.fileName.replace(/\.json$/, '-urlencoded.json'), bytes: encoder.encode(JSON.stringify(json)) };
}

type Container = Record<string | number, unknown>;

/** Calls `fn` for every field and list item below `root`, parents before children, at most `limit` nodes. */
function visit(root: unknown, fn: (parent: Container, key: string | number, value: unknown) => void, limit = 20_000): void {
  const stack: unknown[] = [root];
  let seen = 0;
  while (stack.length > 0 && seen < limit) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    // Index by index: a list given an own "constructor" key by an earlier mutation has no working map().
    const keys: Array<string | number> = Array.isArray(node) ? Array.from({ length: node.length }, (_, i) => i) : Object.keys(node);
    for (const key of keys) {
      seen++;
      fn(node as Container, key, (node as Container)[key]);
      const after = (node as Container)[key];
      if (after && typeof after === 'object') stack.push(after);
    }
  }
}

interface Slot {
  parent: Container;
  key: string | number;
  value: unknown;
}

function slotsOf(root: unknown): Slot[] {
  const slots: Slot[] = [];
  visit(root, (parent, key, value) => slots.push({ parent, key, value }));
  return slots;
}

/** Text markers replaced after JSON.stringify: nesting too deep to stringify, and duplicate keys. */
const DEEP = '@@fuzz-deep:';
const DUPLICATE = '@@fuzz-duplicate:';

const TIMESTAMPS = [
  '2023-03-09T10:41:45Z',
  '2023-03-09 10:41:45+00:00',
  '2023-03-09T10:41:45.118245+00:00',
  '2023-03-09T10:41:45+05:30',
  '2023-03-09',
  '1678358505',
  '2023-02-30T10:00:00Z',
  '9999-12-31T23:59:59Z',
  '0001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  'N/A',
  'no_information',
  'not_supported',
  '',
  'yesterday',
];

const WRONG_TYPES: unknown[] = [0, -1, 1e308, 3.5, true, false, 'text', '', '*', {}, [], [null], [[]], { a: 1 }, [1, 2, 3]];

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

/** Fields the IAM readers interpret rather than copy: where a wrong shape does harm. */
const INTERPRETED = new Set([
  ...['Statement', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition', 'Sid', 'Version'],
  ...['PolicyDocument', 'AssumeRolePolicyDocument', 'Document', 'PolicyVersionList', 'IsDefaultVersion', 'AttachedManagedPolicies', 'PermissionsBoundary', 'GroupList', 'Tags', 'Arn'],
  ...['Content', 'ReportFormat', 'bindings', 'members', 'role', 'condition', 'policy', 'resource', 'assetType', 'email', 'name', 'disabled', 'keyType'],
  ...['principalId', 'principalType', 'roleDefinitionId', 'roleDefinitionName', 'scope'],
  ...['kind', 'items', 'metadata', 'rules', 'verbs', 'resources', 'apiGroups', 'resourceNames', 'roleRef', 'subjects', 'aggregationRule', 'clusterRoleSelectors', 'matchLabels', 'labels'],
]);

/** One structural change to a parsed export, of the kinds real files and attackers make. */
function mutateTree(random: Random, root: unknown, size: FuzzSize): string {
  const slots = slotsOf(root);
  if (slots.length === 0) return 'nothing to change (empty)';
  // Half the time a field the readers interpret (a statement's Condition, a binding's members),
  // which a pick among thousands of slots of names and ids would rarely reach.
  const interpreted = slots.filter((s) => typeof s.key === 'string' && INTERPRETED.has(s.key));
  const slot = interpreted.length > 0 && random() < 0.5 ? pick(random, interpreted) : pick(random, slots);
  const { parent, key, value } = slot;
  const at = typeof key === 'number' ? `[${key}]` : `.${key}`;
  const set = (v: unknown) => {
    parent[key] = v;
  };
  switch (between(random, 0, 13)) {
    case 0:
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return `${at} removed`;
    case 1:
      set(null);
      return `${at} set to null`;
    case 2: {
      const wrong = pick(random, WRONG_TYPES);
      set(structuredClone(wrong));
      return `${at} set to ${JSON.stringify(wrong)}`;
    }
    case 3: {
      // The string-vs-list swaps exports really contain (Action "s3:*" vs ["s3:*"], members, verbs).
      if (typeof value === 'string') set([value]);
      else if (Array.isArray(value)) set(value.length === 1 ? value[0] : value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(','));
      else if (value && typeof value === 'object') set([value]);
      else set(String(value));
      return `${at} swapped between text and list`;
    }
    case 4: {
      const huge = pick(random, ['A', 'é', '*', '/', '"', '\\', '🤖']).repeat(between(random, 1, size.hugeChars));
      set(random() < 0.5 ? huge : `${typeof value === 'string' ? value : ''}${huge}`);
      return `${at} made ${huge.length} characters long`;
    }
    case 5: {
      const depth = between(random, 10, size.deepNesting);
      set(`${DEEP}${random() < 0.5 ? 'a' : 'o'}${depth}`);
      return `${at} nested ${depth} deep`;
    }
    case 6: {
      // "__proto__" as an own key, as JSON.parse makes it: data, never a prototype.
      const record = value && typeof value === 'object' && !Array.isArray(value) ? (value as Container) : parent;
      const name = pick(random, ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);
      const payload = pick<unknown>(random, [{ polluted: 1, isAdmin: true }, [1], 'x', null, { Statement: [] }, { items: [] }]);
      Object.defineProperty(record, name, { value: payload, enumerable: true, configurable: true, writable: true });
      return `own key ${name} added`;
    }
    case 7: {
      // A key written twice: the parser keeps the last, so a hand edit's second value wins.
      if (Array.isArray(parent) || typeof key !== 'string') return mutateTree(random, root, size);
      const entries = Object.entries(parent);
      const rebuilt: Container = {};
      const duplicate = pick<unknown>(random, [null, 'duplicate', 1, [], {}, structuredClone(value), `${DEEP}a${size.deepNesting}`, `${DEEP}o${size.deepNesting}`, 'D'.repeat(size.hugeChars)]);
      if (random() < 0.5) rebuilt[`${DUPLICATE}${key}`] = duplicate;
      for (const [k, v] of entries) rebuilt[k] = v;
      if (!(`${DUPLICATE}${key}` in rebuilt)) rebuilt[`${DUPLICATE}${key}`] = duplicate;
      for (const k of Object.keys(parent)) delete parent[k];
      Object.assign(parent, rebuilt);
      return `key ${key} written twice`;
    }
    case 8: {
      // Policy documents as AWS hands them out: object, JSON text, URL-encoded JSON text (with "+" for spaces).
      const documents = slots.filter((s) => typeof s.key === 'string' && /Document$/.test(s.key));
      const target = documents.length > 0 ? pick(random, documents) : slot;
      const current = target.parent[target.key];
      let object = current;
      if (typeof current === 'string') {
        try {
          object = JSON.parse(current.startsWith('%') ? decodeURIComponent(current) : current);
        } catch {
          object = current;
        }
      }
      const jsonText = JSON.stringify(object) ?? 'null';
      const form = between(random, 0, 5);
      target.parent[target.key] = [
        object,
        jsonText,
        encodeURIComponent(jsonText),
        encodeURIComponent(JSON.stringify(object, null, 1) ?? '').replace(/%20/g, '+'),
        `${encodeURIComponent(jsonText).slice(0, Math.max(3, Math.floor(jsonText.length / 2)))}%Z`,
        jsonText.slice(0, Math.floor(jsonText.length / 2)),
      ][form];
      return `${String(target.key)} as ${['an object', 'JSON text', 'URL-encoded text', 'form-encoded text', 'broken URL-encoding', 'cut JSON text'][form]}`;
    }
    case 9: {
      const dates = slots.filter((s) => typeof s.value === 'string' && DATE_LIKE.test(s.value));
      const target = dates.length > 0 ? pick(random, dates) : slot;
      const stamp = pick(random, TIMESTAMPS);
      target.parent[target.key] = random() < 0.1 ? Number(stamp) || 1678358505 : stamp;
      return `timestamp ${String(target.key)} set to ${JSON.stringify(stamp)}`;
    }
    case 10: {
      // The same principal, binding or role listed many times (a merge of two exports).
      const lists = slots.filter((s) => Array.isArray(s.value) && (s.value as unknown[]).length > 0);
      if (lists.length === 0) return mutateTree(random, root, size);
      const list = pick(random, lists).value as unknown[];
      const item = pick(random, list);
      const times = between(random, 1, Math.min(size.manyItems, 200));
      for (let i = 0; i < times; i++) list.push(structuredClone(item));
      return `a list item repeated ${times} more times`;
    }
    case 11: {
      const other = pick(random, slots);
      const a = parent[key];
      parent[key] = other.parent[other.key];
      other.parent[other.key] = a;
      return `${at} and .${String(other.key)} swapped`;
    }
    case 12: {
      const hostile = pick(random, HOSTILE_TEXT);
      set(typeof value === 'string' && random() < 0.5 ? `${value}${hostile}` : hostile);
      return `${at} set to hostile text ${JSON.stringify(hostile.slice(0, 20))}`;
    }
    default: {
      // An item of the wrong kind in a list of records (a string among bindings, a list among roles).
      if (!Array.isArray(parent)) return mutateTree(random, root, size);
      parent.push(pick<unknown>(random, ['item', 1, null, [], [{}], { kind: 'Role' }, { role: 'roles/owner' }]));
      return 'a stray item appended to a list';
    }
  }
}

function stringifyWithMarkers(value: unknown, pretty: boolean): string {
  let text = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null';
  text = text.replace(new RegExp(`"${DEEP}([ao])(\\d+)"`, 'g'), (_m, kind: string, digits: string) => {
    const depth = Number(digits);
    return kind === 'a' ? `${'['.repeat(depth)}]${']'.repeat(depth - 1)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  });
  return text.replace(new RegExp(`"${DUPLICATE}`, 'g'), '"');
}

/** Valid JSON, wrong export: one to three structural changes. */
function mutateJsonStructure(random: Random, bytes: Uint8Array, size: FuzzSize): Mutated {
  let root: unknown;
  try {
    root = JSON.parse(decoder.decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    return mutateTextBytes(random, bytes, size);
  }
  const changes: string[] = [];
  const count = between(random, 1, 3);
  for (let i = 0; i < count; i++) changes.push(mutateTree(random, root, size));
  return { bytes: encoder.encode(stringifyWithMarkers(root, random() < 0.5)), how: changes.join('; ') };
}

/** The same file as an editor on another system saves it: BOM, CRLF, UTF-16, Latin-1. */
function mutateEncoding(random: Random, bytes: Uint8Array): Mutated {
  const text = decoder.decode(bytes);
  switch (between(random, 0, 4)) {
    case 0:
      return { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), how: 'UTF-8 BOM' };
    case 1:
      return { bytes: encoder.encode(text.replace(/\r?\n/g, '\r\n')), how: 'CRLF line endings' };
    case 2:
      return { bytes: encoder.encode(`\uFEFF${text.replace(/\r?\n/g, '\r\n')}`), how: 'BOM and CRLF' };
    case 3:
      return { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), how: 'UTF-16LE with BOM' };
    default:
      return { bytes: Buffer.from(text, 'latin1'), how: 'Latin-1' };
  }
}

/** Mutates an IAM JSON export; `foreign` are other providers' exports, fed under this file's name. */
function mutateIamJson(random: Random, seed: FuzzInput, size: FuzzSize, foreign: readonly FuzzInput[]): Mutated & { fileName: string } {
  const roll = random();
  if (roll < 0.08 && foreign.length > 0) {
    const other = pick(random, foreign);
    const bytes = random() < 0.5 ? other.bytes : mutateJsonStructure(random, other.bytes, size).bytes;
    return { bytes, fileName: seed.fileName, how: `${other.fileName} (another export) named ${seed.fileName}` };
  }
  if (roll < 0.12) {
    const json = hostileJson(random, size);
    return { bytes: encoder.encode(json.text), fileName: seed.fileName, how: json.how };
  }
  if (roll < 0.6) return { ...mutateJsonStructure(random, seed.bytes, size), fileName: seed.fileName };
  if (roll < 0.68) return { ...mutateEncoding(random, seed.bytes), fileName: seed.fileName };
  if (roll < 0.75) {
    const at = between(random, 0, seed.bytes.length - 1);
    return { bytes: seed.bytes.slice(0, at), fileName: seed.fileName, how: `download cut at byte ${at}` };
  }
  if (roll < 0.9) return { ...mutateTextBytes(random, seed.bytes, size), fileName: seed.fileName };
  return { ...mutateBytes(random, seed.bytes, size), fileName: seed.fileName };
}

const CSV_CELLS = [...TIMESTAMPS, 'true', 'false', 'TRUE', 'yes', '1', '"quoted, with comma"', '"line\nbreak"', '<root_account>', 'arn:aws:iam::111122223333:user/x', 'arn:aws:iam::999999999999:root', 'arn:nope', ...HOSTILE_TEXT];

/** A credential report CSV changed cell by cell, column by column, as hand edits and other tools leave it. */
function mutateCredentialCsv(random: Random, csv: string, size: FuzzSize): { text: string; how: string } {
  const lines = csv.replace(/\r?\n$/, '').split(/\r?\n/);
  const rows = lines.map((line) => line.split(','));
  const header = rows[0] ?? [];
  const row = between(random, 0, rows.length - 1);
  const column = between(random, 0, Math.max(0, header.length - 1));
  const join = () => rows.map((cells) => cells.join(',')).join('\n');
  switch (between(random, 0, 7)) {
    case 0: {
      const cell = pick(random, CSV_CELLS);
      if (rows[row]) rows[row]![column] = cell;
      return { text: join(), how: `row ${row + 1} ${header[column] ?? column} set to ${JSON.stringify(cell.slice(0, 30))}` };
    }
    case 1: {
      for (const cells of rows) cells.splice(column, 1);
      return { text: join(), how: `column ${header[column] ?? column} removed` };
    }
    case 2: {
      const other = between(random, 0, Math.max(0, header.length - 1));
      for (const cells of rows) [cells[column], cells[other]] = [cells[other]!, cells[column]!];
      return { text: join(), how: `columns ${column} and ${other} swapped` };
    }
    case 3: {
      // The same user twice (two reports pasted together).
      const times = between(random, 1, Math.min(size.manyItems, 100));
      const source = rows[Math.max(1, row)] ?? rows[0]!;
      for (let i = 0; i < times; i++) rows.push([...source]);
      return { text: join(), how: `row ${Math.max(1, row) + 1} repeated ${times} times` };
    }
    case 4: {
      // Both timestamp forms AWS has used, and broken ones, in every date column.
      const stamp = pick(random, TIMESTAMPS);
      for (const cells of rows.slice(1)) cells.forEach((cell, i) => (DATE_LIKE.test(cell) ? (cells[i] = stamp) : undefined));
      return { text: join(), how: `every date set to ${JSON.stringify(stamp)}` };
    }
    case 5: {
      if (rows[row]) rows[row]!.length = between(random, 0, rows[row]!.length);
      return { text: join(), how: `row ${row + 1} cut short` };
    }
    case 6: {
      if (rows[row]) rows[row]![column] = 'A'.repeat(between(random, 1, size.hugeChars));
      return { text: join(), how: `row ${row + 1} cell ${column} made huge` };
    }
    default:
      return { text: rows.slice(0, 1).join('\n'), how: 'header only' };
  }
}

/** The get-credential-report JSON with its Content damaged or its CSV mutated inside the base64. */
function mutateCredentialJson(random: Random, bytes: Uint8Array, size: FuzzSize): Mutated {
  let wrapper: Record<string, unknown>;
  try {
    wrapper = JSON.parse(decoder.decode(bytes)) as Record<string, unknown>;
  } catch {
    return mutateTextBytes(random, bytes, size);
  }
  const content = typeof wrapper.Content === 'string' ? wrapper.Content : '';
  const csv = Buffer.from(content, 'base64').toString('utf8');
  let how: string;
  switch (between(random, 0, 6)) {
    case 0: {
      const mutated = random() < 0.6 ? mutateCredentialCsv(random, csv, size) : { text: decoder.decode(mutateTextBytes(random, encoder.encode(csv), size).bytes), how: 'CSV text mutated' };
      wrapper.Content = Buffer.from(mutated.text, 'utf8').toString('base64');
      how = `inside the base64: ${mutated.how}`;
      break;
    }
    case 1: {
      const at = between(random, 0, content.length);
      wrapper.Content = content.slice(0, at);
      how = `base64 Content cut at ${at}`;
      break;
    }
    case 2:
      wrapper.Content = pick<unknown>(random, [csv, '!!!not base64!!!', Buffer.from('\u0000\u0001binary').toString('base64'), 42, null, [content], { data: content }, '']);
      how = `Content set to ${JSON.stringify(wrapper.Content)?.slice(0, 40)}`;
      break;
    case 3:
      wrapper.ReportFormat = pick<unknown>(random, ['text/plain', 'application/json', null, 1, undefined]);
      how = `ReportFormat set to ${JSON.stringify(wrapper.ReportFormat)}`;
      break;
    case 4:
      wrapper.Content = Buffer.from(`\uFEFF${csv.replace(/\n/g, '\r\n')}`, 'utf8').toString('base64');
      how = 'BOM and CRLF inside the base64';
      break;
    case 5: {
      // "ReportFormat":"text/csv" as the detector looks for it, then the same key again: the parser keeps the second.
      const second = pick(random, [`${'['.repeat(size.deepNesting)}${']'.repeat(size.deepNesting)}`, JSON.stringify('R'.repeat(size.hugeChars)), '{"__proto__":{"polluted":1}}', 'null']);
      const text = JSON.stringify(wrapper).replace(/}$/, `,"ReportFormat":${second}}`);
      return { bytes: encoder.encode(text), how: `ReportFormat written twice, the second ${second.slice(0, 30)}` };
    }
    default:
      return mutateJsonStructure(random, bytes, size);
  }
  return { bytes: encoder.encode(JSON.stringify(wrapper)), how };
}

/**
 * Each IAM target's share of `npm test`: five targets of 400 inputs take about as long as the
 * registry CSV and XLSX targets' 2,000 (the fuzz test file stays under a minute on two cores);
 * `npm run bench fuzz` gives each 1,000 at full size.
 */
const IAM_TEST_INPUTS = 400;

function jsonTarget(name: string, seeds: () => FuzzInput[], foreign: () => FuzzInput[]): FuzzTarget {
  let others: FuzzInput[] | null = null;
  return {
    name,
    seeds: async () => seeds(),
    mutate: (random, seed, size) => mutateIamJson(random, seed, size, (others ??= foreign())),
    importFile: (workspace, input) => importInline(workspace, input),
    testInputs: IAM_TEST_INPUTS,
  };
}

/**
 * The IAM targets for `allFuzzTargets`. Each is fed the other providers' exports as well, named
 * as its own (a GCP policy saved as aws.json must be read as what it is, or refused by name).
 */
export function iamFuzzTargets(paths: IamFixturePaths): FuzzTarget[] {
  let loaded: IamSeeds | null = null;
  const all = () => (loaded ??= loadSeeds(paths));
  const except = (own: keyof IamSeeds) => () =>
    (Object.keys(all()) as Array<keyof IamSeeds>).filter((k) => k !== own).flatMap((k) => all()[k]);
  return [
    jsonTarget('AWS authorization details', () => all().awsAuthorization, except('awsAuthorization')),
    {
      name: 'AWS credential report',
      seeds: async () => all().awsCredentialReport,
      mutate: (random, seed, size) => {
        const isJson = seed.fileName.endsWith('.json');
        const roll = random();
        if (roll < 0.06) {
          const other = pick(random, except('awsCredentialReport')());
          return { bytes: other.bytes, fileName: seed.fileName, how: `${other.fileName} (another export) named ${seed.fileName}` };
        }
        if (roll < 0.55) {
          if (isJson) return { ...mutateCredentialJson(random, seed.bytes, size), fileName: seed.fileName };
          const mutated = mutateCredentialCsv(random, decoder.decode(seed.bytes), size);
          return { bytes: encoder.encode(mutated.text), how: mutated.how, fileName: seed.fileName };
        }
        if (roll < 0.65) return { ...mutateEncoding(random, seed.bytes), fileName: seed.fileName };
        if (roll < 0.72) {
          const at = between(random, 0, seed.bytes.length - 1);
          return { bytes: seed.bytes.slice(0, at), fileName: seed.fileName, how: `download cut at byte ${at}` };
        }
        if (roll < 0.9) return { ...mutateTextBytes(random, seed.bytes, size), fileName: seed.fileName };
        return { ...mutateBytes(random, seed.bytes, size), fileName: seed.fileName };
      },
      importFile: (workspace, input) => importInline(workspace, input),
      testInputs: IAM_TEST_INPUTS,
    },
    jsonTarget('GCP IAM (policy, asset policies, service accounts, keys)', () => all().gcp, except('gcp')),
    jsonTarget('Azure role assignments', () => all().azure, except('azure')),
    jsonTarget('Kubernetes RBAC', () => all().kubernetes, except('kubernetes')),
  ];
}
