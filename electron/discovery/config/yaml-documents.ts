import { createRequire } from 'node:module';
import type { Document, ParsedNode } from 'yaml';
import type * as YamlPackage from 'yaml';
import { ConfigSyntaxError } from './context';
import type { ConfigSource } from './source';
import { readYamlCore, type CoreDocument, type NodePlace } from './yaml-core-reader';

export type PathSegment = string | number;

/** One YAML document of a file, as values plus a way back to the lines they came from. */
export interface YamlDocument {
  value: unknown;
  /** 1-based line of the key (or list item) at `path`; the nearest ancestor's when it has none. */
  lineOf(path: readonly PathSegment[]): number;
  /** First and last line of the node at `path`, or null when there is none. */
  linesOf(path: readonly PathSegment[]): [number, number] | null;
}

/**
 * The `yaml` package, loaded the first time a file needs it: js-yaml reads nearly every real file
 * (yaml-core-reader.ts), and loading `yaml` costs a scan about 30 ms (a tenth of a one-file CLI
 * scan) whether or not any file needs it.
 */
let yamlPackage: typeof YamlPackage | null = null;
const requireHere = createRequire(import.meta.url);
function yaml(): typeof YamlPackage {
  return (yamlPackage ??= requireHere('yaml') as typeof YamlPackage);
}

/** Bounds alias expansion when converting to values: a billion-laughs file fails instead of filling memory. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses every document of a YAML stream. A document with errors throws, or with
 * `skipBadDocuments` is reported as a warning and left out (a Helm template of many manifests).
 * The parser reports nesting too deep for its stack as an error, so no input overflows it.
 */
export function parseYamlDocuments(src: ConfigSource, options: { skipBadDocuments?: boolean; text?: string } = {}): YamlDocument[] {
  // `text` is a same-length rewrite of the file (Helm templating blanked), so offsets still map to lines.
  const text = options.text ?? src.text;
  // The fast reader covers nearly every real file; the `yaml` package reads the rest, and every error.
  const core = readYamlCore(text);
  if (!core) return parseWithYamlPackage(src, text, options);
  let yamlPackagePlaces: Array<Pick<YamlDocument, 'linesOf'>> | null = null;
  // Where a node ends when comment lines follow it is a detail of `yaml`'s syntax tree: ask it, once a file needs it.
  const linesOfInYaml = (index: number, path: readonly PathSegment[]) => {
    yamlPackagePlaces ??= (yaml().parseAllDocuments(text, { merge: true, uniqueKeys: false, prettyErrors: false }) as Document.Parsed[]).map((doc) => placesOf(src, doc));
    return yamlPackagePlaces[index]?.linesOf(path);
  };
  return core.map((doc, index) => coreViewOf(src, text, doc, (path) => linesOfInYaml(index, path)));
}

/** The reader every file went through before yaml-core-reader.ts: tests hold the fast one to it. */
export function parseWithYamlPackage(src: ConfigSource, text: string, options: { skipBadDocuments?: boolean } = {}): YamlDocument[] {
  const documents = yaml().parseAllDocuments(text, { merge: true, uniqueKeys: false, prettyErrors: false });
  if (!Array.isArray(documents)) return []; // an empty stream
  const out: YamlDocument[] = [];
  for (const doc of documents) {
    const error = doc.errors[0];
    if (error) {
      const line = src.lineOf(error.pos[0]);
      const message = `not valid YAML: ${yamlErrorText(error.code, error.message)}`;
      if (!options.skipBadDocuments) throw new ConfigSyntaxError(message, line);
      src.warn(`document skipped, ${message}`, line);
      continue;
    }
    out.push(viewOf(src, doc));
  }
  return out;
}

function yamlErrorText(code: string, message: string): string {
  if (code === 'RESOURCE_EXHAUSTION') return 'nested too deeply to read';
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function viewOf(src: ConfigSource, doc: Document.Parsed): YamlDocument {
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError) throw new ConfigSyntaxError('YAML aliases expand too much (a "billion laughs" file?)', src.lineOf(doc.range[0]));
    throw error;
  }
  return { value, ...placesOf(src, doc) };
}

function placesOf(src: ConfigSource, doc: Document.Parsed): Pick<YamlDocument, 'lineOf' | 'linesOf'> {
  const nodeAt = (path: readonly PathSegment[]): ParsedNode | null => {
    const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
    return node && typeof node === 'object' && 'range' in node ? (node as ParsedNode) : null;
  };
  const keyLine = (path: readonly PathSegment[]): number | null => {
    const parent = nodeAt(path.slice(0, -1));
    const last = path.at(-1);
    if (yaml().isMap(parent)) {
      const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === last);
      const range = (pair?.key as ParsedNode | undefined)?.range;
      if (range) return src.lineOf(range[0]);
    }
    if (yaml().isSeq(parent) && typeof last === 'number') {
      const range = (parent.items[last] as ParsedNode | undefined)?.range;
      if (range) return src.lineOf(range[0]);
    }
    return null;
  };
  return {
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const line = keyLine(path.slice(0, depth));
        if (line !== null) return line;
      }
      return src.lineOf(doc.range[0]);
    },
    linesOf(path) {
      const node = nodeAt(path);
      if (!node?.range) return null;
      const start = path.length > 0 ? (keyLine(path) ?? src.lineOf(node.range[0])) : src.lineOf(node.range[0]);
      return [start, src.lineOf(Math.max(node.range[0], node.range[1] - 1))];
    },
  };
}

/** The same lookups as viewOf, over the places yaml-core-reader.ts recorded. */
function coreViewOf(src: ConfigSource, text: string, doc: CoreDocument, linesOfInYaml: (path: readonly PathSegment[]) => [number, number] | null | undefined): YamlDocument {
  const nodeAt = (path: readonly PathSegment[]): NodePlace | null => {
    let node: NodePlace | undefined = doc.root;
    for (const segment of path) {
      if (node?.keys) node = node.keys.get(segment)?.value;
      else if (node?.items) node = node.items[itemIndex(segment) ?? -1];
      else return null;
    }
    return node ?? null;
  };
  const keyLine = (path: readonly PathSegment[]): number | null => {
    const parent = nodeAt(path.slice(0, -1));
    const last = path.at(-1);
    if (parent?.keys) {
      const key = parent.keys.get(last);
      if (key) return src.lineOf(key.keyStart);
    }
    if (parent?.items && typeof last === 'number') {
      const item = parent.items[last];
      if (item) return src.lineOf(item.start);
    }
    return null;
  };
  return {
    value: doc.value,
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const line = keyLine(path.slice(0, depth));
        if (line !== null) return line;
      }
      return src.lineOf(doc.start);
    },
    linesOf(path) {
      const node = nodeAt(path);
      if (!node) return null;
      if (yamlMayEndElsewhere(text, node)) {
        const lines = linesOfInYaml(path);
        if (lines !== undefined) return lines;
      }
      const start = path.length > 0 ? (keyLine(path) ?? src.lineOf(node.start)) : src.lineOf(node.start);
      return [start, src.lineOf(Math.max(node.start, node.end - 1))];
    },
  };
}

/** How `yaml` reads a path segment as a sequence index: '2' is 2, '' and -1 are none. */
function itemIndex(segment: PathSegment): number | null {
  const index = typeof segment === 'string' && segment ? Number(segment) : segment;
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : null;
}

/**
 * Whether `yaml` may end the node elsewhere than at its last content: it counts comment lines
 * after a collection in the range of the node they close, so a parent's last line then depends on
 * how its syntax tree assigns them.
 */
function yamlMayEndElsewhere(text: string, node: NodePlace): boolean {
  if (node.endUnclear) return true;
  for (let i = text.indexOf('\n', node.end); i >= 0; ) {
    let j = i + 1;
    while (text[j] === ' ' || text[j] === '\t' || text[j] === '\r') j++;
    if (text[j] === '#') return true;
    if (text[j] !== '\n') return false;
    i = j;
  }
  return false;
}
