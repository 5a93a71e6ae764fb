/** Code analysis for repository discovery: Python, TypeScript/TSX and JavaScript agent signals. */
export { analyzeCode, codeLanguageOf } from './analyze-code';
export { bundledCodeRules, codePrefilterPatterns, validatedBundledCodeRules } from './bundled-code-rules';
export { loadCodeParsers, PARSE_LIMITS } from './parser';
export { compileCodeRules, loadCodeRules } from './rules';
export type { CodeRules, ValidatedCodeRules } from './rules';
