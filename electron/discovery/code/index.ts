/** Code analysis for repository discovery: Python, TypeScript/TSX and JavaScript agent signals. */
export { analyzeCode, codeLanguageOf } from './analyze-code';
export { CODE_PREFILTER_PATTERNS, bundledCodeRules } from './bundled-code-rules';
export { loadCodeParsers, PARSE_LIMITS } from './parser';
export { loadCodeRules } from './rules';
export type { CodeRules } from './rules';
