import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { ConfigSyntaxError } from './context';
import type { PathSegment } from './yaml-documents';
import type { ConfigSource } from './source';

/** Real configs nest a dozen levels; the parser recurses per level and overflows near ten thousand. */
const MAX_JSON_NESTING = 512;

export interface JsonDocument {
  value: unknown;
  /** 1-based line of the property (or array item) at `path`; the nearest ancestor's when it has none. */
  lineOf(path: readonly PathSegment[]): number;
}

/**
 * Parses JSON leniently, as the clients that read these files do: comments and trailing commas
 * are accepted (VS Code's mcp.json is JSONC), so only real syntax errors are reported.
 */
export function parseJsonDocument(src: ConfigSource): JsonDocument {
  const depth = jsonNesting(src.text);
  if (depth.depth > MAX_JSON_NESTING) throw new ConfigSyntaxError(`nested more than ${MAX_JSON_NESTING} levels deep`, src.lineOf(depth.offset));
  const errors: ParseError[] = [];
  const tree = parseTree(src.text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const error = errors[0];
  if (error) throw new ConfigSyntaxError(`not valid JSON: ${errorWords(printParseErrorCode(error.error))}`, src.lineOf(error.offset));
  return {
    value: tree ? getNodeValue(tree) : null,
    lineOf(path) {
      for (let depth = path.length; depth >= 0 && tree; depth--) {
        const node = findNodeAtLocation(tree, [...path.slice(0, depth)]);
        if (node) return src.lineOf(keyOffset(node));
      }
      return 1;
    },
  };
}

const keyOffset = (node: Node) => (node.parent?.type === 'property' ? node.parent.offset : node.offset);

/** "CommaExpected" → "comma expected". */
function errorWords(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Deepest bracket nesting outside strings and comments, without recursion. */
function jsonNesting(text: string): { depth: number; offset: number } {
  let depth = 0;
  let deepest = { depth: 0, offset: 0 };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (ch === '{' || ch === '[') {
      depth++;
      if (depth > deepest.depth) deepest = { depth, offset: i };
    } else if (ch === '}' || ch === ']') {
      depth--;
    }
  }
  return deepest;
}
