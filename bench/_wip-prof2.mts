// profile only the fixed linker: collect findings fast via analyzeFile then link
import { performance } from 'node:perf_hooks';
import { readCandidate, walkTree } from '../electron/discovery/walk';
import { analyzeFile, loadAnalyzerRules } from '../electron/discovery/scan/analyze-file';
import { loadCodeParsers } from '../electron/discovery/code';
import { linkUnits as fixed } from './_wip-link-units';
const rules = loadAnalyzerRules(new Set()); await loadCodeParsers();
const findings: any[] = [];
await walkTree(process.argv[2]!, {}, async (file) => { const o = readCandidate(file); if (o.ok) findings.push(...(await analyzeFile(file.relPath, file.kind, o.bytes, rules)).findings); });
const s = performance.now(); const a = fixed('bench', findings); console.log('fixed', performance.now() - s, a.length);
