import { analyzeCode, codeLanguageOf, compileCodeRules, loadCodeParsers, type CodeRules } from '../code';
import { analyzeConfigFile, mightBeConfigFile, type ConfigRulePack } from '../config';
import type { FileFindings, FileWarning } from '../findings';
import { analyzeLockfile, lockfileRuleId } from '../lockfiles';
import type { FingerprintKey } from '../secret-fingerprint';
import type { FileKind } from '../walk';
import { codeStub } from './code-stub';
import { bundledRulePacks, type ValidatedRulePacks } from './rule-packs';

/** The rule packs of one scan, with the rules the workspace turned off already applied, and the workspace's key for secret fingerprints. */
export interface AnalyzerRules {
  code: CodeRules;
  config: ConfigRulePack;
  disabledRuleIds: ReadonlySet<string>;
  fingerprintKey: FingerprintKey;
}

export function loadAnalyzerRules(disabledRuleIds: ReadonlySet<string>, fingerprintKey: FingerprintKey, packs: ValidatedRulePacks = bundledRulePacks()): AnalyzerRules {
  return { code: compileCodeRules(packs.code, disabledRuleIds), config: packs.config, disabledRuleIds, fingerprintKey };
}

export interface FileAnalysis {
  findings: FileFindings[];
  warnings: FileWarning[];
  /** A code file without LLM signals, kept only with its imports; analysed fully if a candidate reaches it. */
  stubbed: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Everything one file says: its code facts, the units it declares as configuration (a Python
 * file can be both: an Airflow DAG or a Celery beat schedule is code too), or its locked packages.
 * Pure: bytes in, findings out; nothing in the file is ever run.
 */
export async function analyzeFile(relPath: string, kind: FileKind, bytes: Uint8Array, rules: AnalyzerRules, full = false): Promise<FileAnalysis> {
  const text = decoder.decode(bytes);
  const analysis: FileAnalysis = { findings: [], warnings: [], stubbed: false };
  if (kind === 'lockfile') {
    const result = analyzeLockfile(relPath, text);
    if (result) {
      const packages = result.findings.packages.filter((p) => !rules.disabledRuleIds.has(lockfileRuleId(p.ecosystem)));
      analysis.findings.push({ ...result.findings, packages });
      if (result.warning) analysis.warnings.push(result.warning);
    }
    return analysis;
  }
  if (kind === 'code') {
    // The prefilter is checked here, before the analysis, so a thread loads a language's grammar
    // only when a file of that language is worth parsing.
    const language = codeLanguageOf(relPath);
    const worthParsing = language !== null && (full || rules.code.passesPrefilter(language, text));
    if (worthParsing) await loadCodeParsers([language]);
    const code = worthParsing ? analyzeCode(relPath, text, rules.code, rules.fingerprintKey, (w) => analysis.warnings.push(w), { skipPrefilter: true }) : null;
    const stub = code ? null : codeStub(relPath, text);
    if (code ?? stub) analysis.findings.push((code ?? stub)!);
    analysis.stubbed = stub !== null;
  }
  if (full) return analysis;
  if (mightBeConfigFile(relPath)) {
    const config = await analyzeConfigFile(relPath, text, { rules: rules.config, disabledRuleIds: rules.disabledRuleIds, fingerprintKey: rules.fingerprintKey });
    // A file may declare no unit yet hold facts units in other files use (a ServiceAccount's role ARN, a Service in front of a Deployment).
    if (config.findings && (config.findings.units.length > 0 || config.findings.credentials.length > 0 || config.findings.image || config.findings.packageScripts || config.findings.workspaceGlobs || config.findings.consoleScripts || config.findings.scriptCommands || config.findings.k8sServices || config.findings.appEngineService)) analysis.findings.push(config.findings);
    analysis.warnings.push(...config.warnings);
  }
  return analysis;
}
