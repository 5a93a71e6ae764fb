import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as TreeSitter from '@vscode/tree-sitter-wasm';
import type { CodeLanguage } from './code-model';
import { toSyntaxTree } from './syntax-node';
import type { SyntaxNode } from './syntax-node';

/**
 * tree-sitter through its WebAssembly build: no native module to rebuild for Electron, and the
 * same grammars VS Code ships. The runtime and grammars are resolved from node_modules at run
 * time (never imported as assets) so this works from source, under vitest, and bundled into
 * out/main with the package left external.
 */

export const PARSE_LIMITS = {
  /** Larger files are generated data or bundles, not an agent's source. */
  maxChars: 2 * 1024 * 1024,
  /** A line this long in a .js file means a minified bundle: vendored code, not the agent. */
  maxBundleLineChars: 5_000,
  /** tree-sitter is linear; this only stops a pathological file from holding a worker. */
  timeoutMs: 5_000,
};

const GRAMMAR_FILES: Record<CodeLanguage, string> = {
  python: 'tree-sitter-python.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  javascript: 'tree-sitter-javascript.wasm',
};

const BUNDLE_EXTENSION = /\.(js|mjs|cjs)$/i;

interface LoadedRuntime {
  runtime: typeof TreeSitter;
  wasmDir: string;
  parser: TreeSitter.Parser;
}

let runtimeLoading: Promise<LoadedRuntime> | null = null;
const grammarsLoading = new Map<CodeLanguage, Promise<void>>();
/** Grammars this thread has loaded; each costs tens of MB and a few hundred ms, so only the ones a file needs. */
const languages = new Map<CodeLanguage, TreeSitter.Language>();
let loaded: LoadedRuntime | null = null;

/**
 * Loads the runtime and the grammars of `wanted` (all four when not given) once per thread;
 * later calls for the same languages return at once. An analyzer thread asks for one language
 * when a file of it first passes the prefilter, so a scan of Python code never unpacks the
 * TypeScript grammars, and a scan of configuration files none.
 */
export function loadCodeParsers(wanted: readonly CodeLanguage[] = Object.keys(GRAMMAR_FILES) as CodeLanguage[]): Promise<void> {
  return Promise.all(wanted.map(loadGrammar)).then(() => undefined);
}

function loadGrammar(language: CodeLanguage): Promise<void> {
  let loading = grammarsLoading.get(language);
  if (!loading) {
    loading = loadRuntime().then(async (rt) => {
      languages.set(language, await rt.runtime.Language.load(join(rt.wasmDir, GRAMMAR_FILES[language])));
    });
    // A failed load is retried by the next caller rather than remembered.
    loading.catch(() => grammarsLoading.delete(language));
    grammarsLoading.set(language, loading);
  }
  return loading;
}

function loadRuntime(): Promise<LoadedRuntime> {
  runtimeLoading ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmDir = dirname(require.resolve('@vscode/tree-sitter-wasm'));
    const runtime = require('@vscode/tree-sitter-wasm') as typeof TreeSitter;
    await runtime.Parser.init({ locateFile: (file: string) => join(wasmDir, file) });
    loaded = { runtime, wasmDir, parser: new runtime.Parser() };
    return loaded;
  })();
  return runtimeLoading;
}

export type ParseOutcome = { parsed: true; root: SyntaxNode } | { parsed: false; reason: string };

/** Why a file is not worth parsing, or null. Cheap: runs before the parser sees the text. */
export function reasonNotToParse(path: string, text: string): string | null {
  if (text.length > PARSE_LIMITS.maxChars) return `not parsed: ${(text.length / 1024 / 1024).toFixed(1)} MB, over the ${PARSE_LIMITS.maxChars / 1024 / 1024} MB limit`;
  // A long Python or TypeScript line is usually an inline prompt or data constant in real agent
  // source, so only JavaScript bundles are refused for it.
  if (BUNDLE_EXTENSION.test(path)) {
    const longest = longestLine(text);
    if (longest > PARSE_LIMITS.maxBundleLineChars) return `not parsed: minified (a ${longest.toLocaleString('en')}-character line)`;
  }
  return null;
}

function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
    longest = Math.max(longest, newline - start);
    start = newline + 1;
  }
  return Math.max(longest, text.length - start);
}

/** Parses source text into a plain syntax tree; needs `loadCodeParsers()` (with this language) to have finished. */
export function parseSource(path: string, text: string, language: CodeLanguage): ParseOutcome {
  const grammar = languages.get(language);
  if (!loaded || !grammar) throw new Error(`code parsers are not loaded: await loadCodeParsers() once in this thread before analysing code (${language})`);
  const refusal = reasonNotToParse(path, text);
  if (refusal) return { parsed: false, reason: refusal };
  const { parser } = loaded;
  parser.setLanguage(grammar);
  const deadline = performance.now() + PARSE_LIMITS.timeoutMs;
  // Returning true from the progress callback cancels the parse (web-tree-sitter's typing says void).
  const tree = parser.parse(text, null, { progressCallback: () => performance.now() > deadline });
  if (!tree) {
    parser.reset();
    return { parsed: false, reason: `not parsed: took longer than ${PARSE_LIMITS.timeoutMs / 1000} s` };
  }
  try {
    return { parsed: true, root: toSyntaxTree(tree) };
  } finally {
    tree.delete();
  }
}
