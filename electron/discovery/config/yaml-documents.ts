import { isMap, isSeq, parseAllDocuments, type Document, type ParsedNode } from 'yaml';
import { ConfigSyntaxError } from './context';
import type { ConfigSource } from './source';

export type PathSegment = string | number;

/** One YAML document of a file, as values plus a way back to the lines they came from. */
export interface YamlDocument {
  value: unknown;
  /** 1-based line of the key (or list item) at `path`; the nearest ancestor's when it has none. */
  lineOf(path: readonly PathSegment[]): number;
  /** First and last line of the node at `path`, or null when there is none. */
  linesOf(path: readonly PathSegment[]): [number, number] | null;
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
  const documents = parseAllDocuments(options.text ?? src.text, { merge: true, uniqueKeys: false, prettyErrors: false });
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
  const nodeAt = (path: readonly PathSegment[]): ParsedNode | null => {
    const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
    return node && typeof node === 'object' && 'range' in node ? (node as ParsedNode) : null;
  };
  const keyLine = (path: readonly PathSegment[]): number | null => {
    const parent = nodeAt(path.slice(0, -1));
    const last = path.at(-1);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === last);
      const range = (pair?.key as ParsedNode | undefined)?.range;
      if (range) return src.lineOf(range[0]);
    }
    if (isSeq(parent) && typeof last === 'number') {
      const range = (parent.items[last] as ParsedNode | undefined)?.range;
      if (range) return src.lineOf(range[0]);
    }
    return null;
  };
  return {
    value,
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
