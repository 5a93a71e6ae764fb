import type { Evidence } from '../../../shared/discovery';
import { codeLanguageOf } from '../code';
import { makeEvidence } from '../evidence';
import { emptyCodeFindings, type CodeFindings } from '../findings';
import { clientEntryOf, isServerOnly, serverActionEntryOf } from '../code/client-entry';
import { findProxyCallsInText } from '../code/proxy-calls';
import { isReexportsOnly } from '../code/re-exports';
import { blank, withoutScriptComments } from '../code/script-comments';

/** The entry shapes a stub is checked for, each with the code rule pack's id for it. */
const ENTRY_POINTS: Array<{ languages: 'python' | 'script'; pattern: RegExp; ruleId: string }> = [
  { languages: 'python', pattern: /^if\s+__name__\s*==\s*['"]__main__['"]\s*:/m, ruleId: 'py.entry-point.main-guard' },
  { languages: 'python', pattern: /^(?:async\s+)?def\s+(?:lambda_)?handler\s*\(\s*event/m, ruleId: 'py.entry-point.serverless-handler' },
  { languages: 'python', pattern: /\b(?:uvicorn\.run|app\.run)\s*\(/, ruleId: 'py.entry-point.server-start' },
  // `Bun.serve<{ sessionId: string }>({ … })`: a server start may name its socket data's type.
  { languages: 'script', pattern: /\.listen\s*\(|\bcreateServer\s*\(|\bserve\s*(?:<[^()]*?>)?\s*\(\s*\{|\b(?:Bun|Deno)\.serve\s*(?:<[^()]*?>)?\s*\(/, ruleId: 'ts.entry-point.server-start' },
  { languages: 'script', pattern: /export\s+(?:const|async\s+function|function)\s+(?:handler|GET|POST|PUT|DELETE)\b|exports\.handler\s*=/, ruleId: 'ts.entry-point.handler-export' },
];

/**
 * A word every match of a language's ENTRY_POINTS contains: most files hold none, and one scan
 * for a few literals is several times cheaper than the multiline patterns over every line (and,
 * measured, twice as fast as a literal search per word).
 */
const ENTRY_WORDS = { python: /__main__|handler|\.run/, script: /\.listen|createServer|serve|handler|GET|POST|PUT|DELETE/ };

function entryPointOf(path: string, text: string, python: boolean): Evidence | null {
  if (!ENTRY_WORDS[python ? 'python' : 'script'].test(text)) return null;
  for (const entry of ENTRY_POINTS) {
    if ((entry.languages === 'python') !== python) continue;
    const match = entry.pattern.exec(text);
    if (!match) continue;
    const start = text.lastIndexOf('\n', match.index - 1) + 1;
    const end = text.indexOf('\n', match.index);
    const line = lineNumberAt(text, start);
    return makeEvidence(path, line, text.slice(start, end === -1 ? text.length : end), entry.ruleId, 0.8);
  }
  return null;
}

/** 1-based line of the character at `index`. */
function lineNumberAt(text: string, index: number): number {
  let line = 1;
  for (let newline = text.indexOf('\n'); newline !== -1 && newline < index; newline = text.indexOf('\n', newline + 1)) line++;
  return line;
}

const PYTHON_IMPORT = /^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[\w, \t*()]+)|import[ \t]+([\w., \t]+))/gm;
const SCRIPT_IMPORT = /(?:\bfrom[ \t]*|\bimport[ \t]*\(?[ \t]*|\brequire[ \t]*\([ \t]*)['"]([.@~][^'"]*)['"]/g;

/**
 * A code file with no LLM or agent signal still matters: it may be the entry a config runs, the
 * server that calls an LLM module, or the module a tool calls. Its local imports and entry shape
 * are read with line regexes (no parse), so the linker can follow it; the scanner asks for a full
 * analysis only of the files a candidate reaches.
 */
export function codeStub(path: string, text: string): CodeFindings | null {
  const language = codeLanguageOf(path);
  if (!language) return null;
  // Python's patterns start at the line's first word, so `# import x` never matches; its
  // docstrings are blanked (a "from app import tools" line in one is prose), a script's comments too.
  text = language === 'python' ? text.replace(/("""|''')[\s\S]*?\1/g, (quoted) => blank(quoted)) : withoutScriptComments(text);
  const imports = new Set<string>();
  if (language === 'python') {
    for (const m of text.matchAll(PYTHON_IMPORT)) {
      if (m[1] !== undefined) {
        imports.add(m[1]);
        // "from . import tools" and "from app import tools" may name modules, not attributes.
        // `from app import (\n    tools,\n    prompts as p,  # comment\n)` spans lines.
        for (const name of (m[2] ?? '').replace(/#[^\n]*/g, '').replace(/[()]/g, '').split(',')) {
          const item = name.trim().split(/\s+/)[0];
          if (item && item !== '*') imports.add(m[1].endsWith('.') ? `${m[1]}${item}` : `${m[1]}.${item}`);
        }
      } else for (const name of (m[3] ?? '').split(',')) imports.add(name.trim().split(/\s+/)[0]!);
    }
  } else {
    for (const m of text.matchAll(SCRIPT_IMPORT)) imports.add(m[1]!);
  }
  imports.delete('');
  const proxyCalls = language === 'python' ? [] : findProxyCallsInText(path, text);
  const clientEntry = clientEntryOf(path, text);
  return {
    ...emptyCodeFindings(path, language),
    localImports: [...imports],
    entryPoint: entryPointOf(path, text, language === 'python') ?? (language === 'python' ? null : serverActionEntryOf(path, text)),
    ...(proxyCalls.length > 0 ? { proxyCalls } : {}),
    ...(clientEntry ? { clientEntry } : {}),
    ...(isServerOnly(path, text) ? { serverOnly: true } : {}),
    ...(language !== 'python' && isReexportsOnly(path, text) ? { reexportsOnly: true } : {}),
  };
}

