import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSyntaxError } from './context';
import { ConfigSource } from './source';
import { testContext } from './test-support';
import { readYamlCore } from './yaml-core-reader';
import { parseWithYamlPackage, parseYamlDocuments, type PathSegment, type YamlDocument } from './yaml-documents';

/**
 * The fast reader (js-yaml, yaml-core-reader.ts) must give what the `yaml` package gave before
 * it: the same documents, values (types, key order, duplicates, merges), lines for every path,
 * warnings and errors. Every case here is read both ways and compared.
 */

const discoveryDir = join(import.meta.dirname, '..');

type Outcome = { documents: Array<{ value: string; places: string[] }>; warnings: string[] } | { error: string; line: number | null };

function read(parse: (src: ConfigSource) => YamlDocument[], text: string): Outcome {
  const ctx = testContext();
  const src = new ConfigSource('x.yaml', text, ctx);
  try {
    const documents = parse(src).map((doc) => ({ value: shown(doc.value), places: placesOf(doc) }));
    return { documents, warnings: ctx.warnings.map((w) => w.message) };
  } catch (error) {
    if (!(error instanceof ConfigSyntaxError)) throw error;
    return { error: error.message, line: error.line };
  }
}

/** Both readers on the same text (and `text` rewrite, as Helm templates and front matter use it). */
function bothWays(fileText: string, options: { skipBadDocuments?: boolean; text?: string } = {}): { fast: Outcome; yaml: Outcome } {
  return {
    fast: read((src) => parseYamlDocuments(src, options), fileText),
    yaml: read((src) => parseWithYamlPackage(src, options.text ?? fileText, options), fileText),
  };
}

function expectSameReading(fileText: string, options: { skipBadDocuments?: boolean; text?: string } = {}): Outcome {
  const { fast, yaml } = bothWays(fileText, options);
  expect(fast).toEqual(yaml);
  return fast;
}

/** A value written out with its key order, types, -0 and NaN, which toEqual would let pass. */
function shown(value: unknown): string {
  if (value === null || typeof value !== 'object') return Object.is(value, -0) ? '-0' : typeof value === 'string' ? JSON.stringify(value) : `${typeof value}:${String(value)}`;
  if (Array.isArray(value)) return `[${value.map(shown).join(',')}]`;
  if (Object.getPrototypeOf(value) !== Object.prototype) return `object ${Object.prototype.toString.call(value)}`;
  return `{${Object.keys(value)
    .map((key) => `${JSON.stringify(key)}:${shown((value as Record<string, unknown>)[key])}`)
    .join(',')}}`;
}

/** lineOf and linesOf of every path in the value, of a child that is not there, and of indexes written as text. */
function placesOf(doc: YamlDocument): string[] {
  const out: string[] = [];
  const visit = (value: unknown, path: PathSegment[]) => {
    for (const asked of [path, [...path, 'missing'], path.map(String)]) out.push(`${JSON.stringify(asked)} ${doc.lineOf(asked)} ${JSON.stringify(doc.linesOf(asked))}`);
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
    else if (value && typeof value === 'object') for (const key of Object.keys(value)) visit((value as Record<string, unknown>)[key], [...path, key]);
  };
  visit(doc.value, []);
  return out;
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const yamlFiles = [...filesUnder(join(discoveryDir, 'corpus', 'repos'), /\.ya?ml$/i), ...filesUnder(join(discoveryDir, 'config', 'fixtures'), /\.ya?ml$/i)];

/** Templating blanked to the same length, as kubernetes.ts does for Helm charts. */
function blankedTemplating(text: string): string {
  const template = /\{\{-?[\s\S]*?-?\}\}/g;
  return text
    .split('\n')
    .map((line) => (/^\s*\{\{[\s\S]*\}\}\s*$/.test(line) && line.replace(template, '').trim() === '' ? ' '.repeat(line.length) : line.replace(template, (t) => '¤'.repeat(t.length))))
    .join('\n');
}

/** Front matter kept and everything else blanked, as claude-code.ts reads a subagent. */
function frontMatterOf(text: string): string | null {
  const lines = text.split('\n');
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (lines[0]?.trim() !== '---' || end < 0) return null;
  return lines.map((line, i) => (i > 0 && i < end ? line : ' '.repeat(line.length))).join('\n');
}

describe('parseYamlDocuments reads as the yaml package did', () => {
  it('on every YAML file of the corpus and the fixtures, all on the fast path but files with explicit tags', () => {
    expect(yamlFiles.length).toBeGreaterThan(80);
    const slow: string[] = [];
    for (const file of yamlFiles) {
      const text = readFileSync(file, 'utf8');
      expectSameReading(text);
      if (!readYamlCore(text)) slow.push(relative(discoveryDir, file));
      if (text.includes('{{')) {
        const helm = expectSameReading(text, { skipBadDocuments: true, text: blankedTemplating(text) });
        // A chart with a document still broken after blanking goes to `yaml`, which skips it with a warning.
        if ('warnings' in helm && helm.warnings.length === 0) expect(readYamlCore(blankedTemplating(text))).not.toBeNull();
      }
    }
    // CloudFormation's short forms (`!GetAtt`) are tags js-yaml would refuse, and a Helm template
    // is not YAML until its templating is blanked: `yaml` reads those files.
    expect(slow.every((file) => /:\s+![A-Z]|\{\{/.test(readFileSync(join(discoveryDir, file), 'utf8')))).toBe(true);
    expect(slow.length).toBeLessThanOrEqual(2);
  });

  it('on the front matter of every subagent in the corpus', () => {
    const agents = filesUnder(join(discoveryDir, 'corpus', 'repos'), /\.md$/i).filter((file) => /\/agents\//.test(file));
    expect(agents.length).toBeGreaterThan(3);
    for (const file of agents) {
      const text = readFileSync(file, 'utf8');
      const frontMatter = frontMatterOf(text);
      if (frontMatter) expectSameReading(text, { text: frontMatter });
    }
  });

  it.each([
    ['GitHub `on:` stays a string key (YAML 1.2), yes/no/off stay strings', 'on:\n  push: {branches: [main]}\nflags: [yes, no, off, y, n, True, FALSE]\n', { on: { push: { branches: ['main'] } }, flags: ['yes', 'no', 'off', 'y', 'n', true, false] }],
    ['numbers as the 1.2 core schema reads them', 'a: [010, 0o17, 0x1F, -0, +12, 1_000, 0b101, 1e3, .5, 2., -.inf, .NaN, 0x-1, +0x1, 1.0e+3]\n', { a: [10, 15, 31, -0, 12, '1_000', '0b101', 1000, 0.5, 2, -Infinity, NaN, '0x-1', '+0x1', 1000] }],
    ['timestamps, times and versions stay strings', 'date: 2001-12-14\nat: 2001-12-14t21:59:43.10-05:00\ntime: 12:30:00\nsexagesimal: 1:30\nversion: 3.10\npython: "3.10"\n', { date: '2001-12-14', at: '2001-12-14t21:59:43.10-05:00', time: '12:30:00', sexagesimal: '1:30', version: 3.1, python: '3.10' }],
    ['nulls', 'a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: nULL\n', { a: null, b: null, c: null, d: null, e: null, f: 'nULL' }],
    ['numbers and booleans as keys become their text', '1: a\n0x10: b\ntrue: c\n1.50: d\n.inf: e\n', { 1: 'a', 16: 'b', true: 'c', 1.5: 'd', Infinity: 'e' }],
    ['a duplicate key: the last value, the first line', 'env:\n  A: 1\n  B: 2\n  A: 3\n', { env: { A: 3, B: 2 } }],
    ['merge keys of inline maps: own keys win, in written order', 'job:\n  a: own\n  <<: [{a: merged, b: first}, {b: second, c: third}]\n  d: last\n"<<": quoted\n', { job: { a: 'own', b: 'first', c: 'third', d: 'last' }, '<<': 'quoted' }],
    ['a `<<` that is a value stays text', 'a: <<\nb: [<<]\n', { a: '<<', b: ['<<'] }],
    ['__proto__ is an own key, never a prototype', '__proto__: {polluted: true}\n', null],
    ['block scalars: literal, folded, strip, indent indicator', 'a: |\n  one\n  two\n\nb: >-\n  folded\n  text\n\n  para\nc: |2\n    indented\nd: >\n\n  x\n', { a: 'one\ntwo\n', b: 'folded text\npara', c: '  indented\n', d: '\nx\n' }],
    ['multi-line plain scalars', 'run: python\n  -m agent\n\n  --flag\n', { run: 'python -m agent\n--flag' }],
    ['quoted escapes', 'a: "tab\\tnew\\nuni\\u00e9 \\x41 \\/"\nb: \'it\'\'s\'\n', { a: 'tab\tnew\nunié A /', b: "it's" }],
    ['flow collections over lines, indented under their key', 'args: [\n    "--port", 8080,\n    {k: v}\n  ]\n', { args: ['--port', 8080, { k: 'v' }] }],
    ['compact nested sequences and maps', '- - a\n  - b\n- k: v\n  l: w\n-   x: 1\n', [['a', 'b'], { k: 'v', l: 'w' }, { x: 1 }]],
    ['comments after nodes and empty values', 'jobs:\n  a:\n    steps:\n      - run: x\n      # trailing\n    env:\n  # about b\n  b:\n    run: y\n# end\n', { jobs: { a: { steps: [{ run: 'x' }], env: null }, b: { run: 'y' } } }],
    ['several documents with markers, comments and empty ones', '# lead\na: 1\n---\n# c\nb: 2\n...\n# after\n---\n---\n- x\n--- # c\n', null],
    ['an empty stream and a comment-only one', '', null],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  - x\r\n', { a: 1, b: ['x'] }],
    ['unicode keys and values', 'é: "😀"\nname: café\n', { é: '😀', name: 'café' }],
    ['number look-alikes stay text', 'a: [0o8, 0xG, 1e, .e1, 1.2.3, -., 0.5.1, 1__0]\n', { a: ['0o8', '0xG', '1e', '.e1', '1.2.3', '-.', '0.5.1', '1__0'] }],
    ['a sequence at its key’s indentation, keys with spaces, trailing commas', 'steps:\n- run: a b\nmy key: [x, y, ]\n', { steps: [{ run: 'a b' }], 'my key': ['x', 'y'] }],
  ] as const)('%s', (_name, text, value) => {
    const outcome = expectSameReading(text);
    expect(readYamlCore(text)).not.toBeNull();
    if (value !== null) expect(readYamlCore(text)!.map((doc) => doc.value)).toEqual([value]);
    expect('error' in outcome).toBe(false);
  });

  it.each([
    ['anchors and aliases', 'base: &b {image: x}\njob:\n  <<: *b\n  run: y\nlist: [*b]\n'],
    ['CloudFormation tags', 'Resources:\n  Fn:\n    Properties:\n      Role: !GetAtt Role.Arn\n      Name: !Sub "${AWS::StackName}-fn"\n'],
    ['core tags written out', 'a: !!str 12\nb: !!int "7"\nc: !!merge <<\nd: ! 12\n'],
    ['a %YAML 1.1 directive (yes is true there)', '%YAML 1.1\n---\na: yes\nb: 0777\n'],
    ['a byte-order mark', '\uFEFFa: 1\nb:\n  - x\n'],
    ['a lone carriage return, which `yaml` reads as text', 'a: "x\ry"\nb:\r  c: 1\n'],
    ['null and collection keys', '~: a\n? [x, y]\n: b\n{c: d}: e\n'],
    ['explicit keys', '? a\n: 1\n? b\n'],
    ['an empty sequence entry', 'a:\n  -\n  - x\n  - \n'],
    ['quoted scalars over lines', 'a: "one\n  two"\nb: \'x\n\n  y\'\n'],
    ['a flow collection whose end is not indented', 'spec:\n  env: {name: a,\n  key: b\n}\n'],
    ['flow keys without values', '{a, b: 1}\n'],
    ['a key over 1,024 characters, which `yaml` refuses', `${'k'.repeat(1100)}: 1\n`],
    ['a comment touching a quoted scalar or a flow collection, which `yaml` refuses', 'a: "x"#c\nb: [y,#c\n  z]\n'],
    ['nesting deeper than js-yaml reads (100), which `yaml` still reads', `a: ${'['.repeat(150)}${']'.repeat(150)}\n`],
  ])('%s: read by the yaml package, with the same result', (_name, text) => {
    expect(readYamlCore(text)).toBeNull();
    expectSameReading(text);
  });

  it.each([
    ['keep-chomped block scalars', 'run: |+\n  x\n\n\nnext: 1\n', ['run']],
    ['an empty block scalar', 'job:\n  backstory: >\n\nnext: 1\n', ['job']],
    ['a block scalar ending in lines of spaces', 'job:\n  run: |\n    x\n      \n\nnext: 1\n', ['job']],
    ['an empty value with a comment after it', 'on:\n  push:\n  workflow_dispatch: # by hand\n\njobs:\n  a:\n    steps:\n      - run: # nothing yet\n      - run: y\n', ['on']],
    ['comment lines closing a job', 'jobs:\n  a:\n    steps:\n      - run: x\n      # - run: ${{ secrets.OLD }}\n  b:\n    steps: []\n', ['jobs', 'a']],
  ])('%s: values read fast, the last line of what ends there from `yaml`', (_name, text, path) => {
    const [core] = readYamlCore(text)!;
    expect(core).toBeDefined();
    expect(expectSameReading(text)).toMatchObject({ documents: [{ value: shown(core!.value) }] });
    const src = new ConfigSource('x.yaml', text, testContext());
    expect(parseYamlDocuments(src)[0]!.linesOf(path)).toEqual(parseWithYamlPackage(src, text)[0]!.linesOf(path));
  });

  it('reports a syntax error with the same words and line', () => {
    const outcome = expectSameReading('name: broken\non: [push\njobs:\n  x: {}\n');
    expect(outcome).toMatchObject({ error: expect.stringMatching(/^not valid YAML: /) as unknown as string, line: expect.any(Number) as unknown as number });
    expect(expectSameReading('a: 1\n  b: 2\n')).toMatchObject({ error: expect.stringMatching(/^not valid YAML: /) as unknown as string });
  });

  it('skips each bad document of a stream with a warning naming its line, and keeps the good ones', () => {
    const stream = 'kind: A\n---\nkind: [B\n---\nkind: C\n---\nkind: D\n  bad: indent\n';
    const outcome = expectSameReading(stream, { skipBadDocuments: true });
    expect(outcome).toMatchObject({ documents: [{ value: '{"kind":"A"}' }, { value: '{"kind":"C"}' }] });
    expect((outcome as { warnings: string[] }).warnings).toEqual([expect.stringMatching(/^line [34]: document skipped, not valid YAML: /), expect.stringMatching(/^line [78]: document skipped, not valid YAML: /)]);
  });

  it('stops an alias bomb as a syntax error, without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    expect(expectSameReading(`${levels.join('\n')}\n`)).toMatchObject({ error: expect.stringMatching(/aliases expand too much/) as unknown as string });
  });

  it('refuses YAML nested 10,000 levels deep as a syntax error, without overflowing the stack', () => {
    for (const text of [`data: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, `data:\n  ${'- '.repeat(10_000)}x\n`, `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`]) {
      expect(expectSameReading(text)).toEqual({ error: 'not valid YAML: nested too deeply to read', line: expect.any(Number) as unknown as number });
    }
  });

  it('agrees on thousands of corpus files broken at random (a fixed seed)', () => {
    const texts = yamlFiles.map((file) => readFileSync(file, 'utf8'));
    const random = seededRandom(13);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    let fast = 0;
    for (let i = 0; i < 1500; i++) {
      let text = pick(texts);
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) text = mutated(text, random, pick);
      const { fast: fastReading, yaml } = bothWays(text);
      if (readYamlCore(text)) fast++;
      if (JSON.stringify(fastReading) !== JSON.stringify(yaml)) expect({ text, reading: fastReading }).toEqual({ text, reading: yaml });
    }
    expect(fast).toBeGreaterThan(300); // most mutations break the file; enough still take the fast path
  });
});

const MUTATION_TOKENS = [':', ': ', '- ', '#', ' # c', '"', "'", '|', '|+', '>-', '\t', '\n', '\n\n', '  ', '? ', '{', '}', '[', ']', ', ', '---\n', '...\n', '~', 'yes', '0o17', '017', '1_000', '1e3', '.inf', '2001-12-14', '<<: {z: 1}\n', '\r\n', '\r', '!', '&a ', '*a', '%', '@', '\u00a0', '- \n', '-\n', '\n# c\n', 'x:\n', 'a:b', '- - x\n', '  # c\n', '\n  more words\n', '{a: 1, a: 2}', '__proto__: x\n', 'key: [\n  a,\n  b\n]\n', '\n]', '- |\n  block\n\n'];

function mutated(text: string, random: () => number, pick: <T>(items: readonly T[]) => T): string {
  const at = Math.floor(random() * (text.length + 1));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return text.slice(0, at) + pick(MUTATION_TOKENS) + text.slice(at);
  if (kind === 1) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 4));
  const lines = text.split('\n');
  lines.splice(Math.floor(random() * lines.length), 0, pick(lines));
  return lines.join('\n');
}

/** mulberry32: the same cases on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
