import type { CodeFindings, FileWarning } from '../findings';
import type { FingerprintKey } from '../secret-fingerprint';
import type { CodeLanguage } from './code-model';
import { collectCodeFindings } from './collect-findings';
import { parseSource } from './parser';
import { buildPythonModel } from './python';
import type { CodeRules } from './rules';
import { buildTypeScriptModel } from './typescript';
import { lookupTable } from '../lookup-table';

const LANGUAGE_BY_EXTENSION = lookupTable<CodeLanguage>({
  py: 'python',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
});

export function codeLanguageOf(path: string): CodeLanguage | null {
  const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase();
  return extension ? (LANGUAGE_BY_EXTENSION[extension] ?? null) : null;
}

/**
 * One code file's agent signals, or null when it has none worth parsing for (no import of an
 * LLM or agent SDK), is not code, or cannot be parsed; the last is reported to `onWarning`
 * ("not parsed: minified ..."). Needs `loadCodeParsers()` once per thread. The text is only
 * parsed, never executed or imported. Secrets written in it come out only as fingerprints under
 * `fingerprintKey`, the workspace's key.
 */
export function analyzeCode(
  path: string,
  text: string,
  rules: CodeRules,
  fingerprintKey: FingerprintKey,
  onWarning?: (warning: FileWarning) => void,
  options: { skipPrefilter?: boolean } = {},
): CodeFindings | null {
  const language = codeLanguageOf(path);
  // The scanner skips the prefilter for files a candidate's code reaches (a tool's helper module
  // that imports no SDK still holds that tool's SQL writes).
  if (!language || (!options.skipPrefilter && !rules.passesPrefilter(language, text))) return null;
  const outcome = parseSource(path, text, language);
  if (!outcome.parsed) {
    onWarning?.({ path, message: outcome.reason });
    return null;
  }
  const model = language === 'python' ? buildPythonModel(path, text, outcome.root) : buildTypeScriptModel(path, text, outcome.root, language);
  return collectCodeFindings(model, rules.forLanguage(language), fingerprintKey);
}
