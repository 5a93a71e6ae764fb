import { basename, posix } from 'node:path';
// Not the config index: it loads every analyzer (the YAML parser among them), which only the analyzer threads need.
import { readBundledConfigRules } from '../config/rules';
import { analyzeTerraformModule } from '../config/terraform';
import type { DiscoveredAgent, ScanCounters, ScanSummary } from '../../../shared/discovery';
import type { CodeFindings, ConfigFindings, FileFindings, FileWarning } from '../findings';
import { redactDeep } from '../evidence';
import { codeUnitsMayRun } from '../link/code-units-may-run';
import { linkUnits } from '../link/link-units';
import { ProjectBoundaries } from '../link/project-boundaries';
import { CodeIndex } from '../link/resolve-code';
import type { FingerprintKey } from '../secret-fingerprint';
import { emptyWalkCounters, readCandidate, tallyRead, walkTree, type ProjectFolder, type WalkCounters } from '../walk';
import type { AnalyzerPool } from './analyzer-pool';
import type { AnalyzedFile, FileToAnalyze } from './analyzer-protocol';

export interface FolderScan {
  agents: DiscoveredAgent[];
  counters: ScanCounters;
  warnings: ScanSummary['warnings'];
}

export interface ScanFolderOptions {
  /** Label used in identity keys: the folder's own name, so moving a checkout keeps decisions. */
  label?: string;
  pool: AnalyzerPool;
  /** Called often; cheap to call. */
  onProgress?: (counters: ScanCounters) => void;
  /** Throws when the scan must stop; checked between files. */
  throwIfCancelled?: () => void;
  /** Rules the workspace turned off (the pool's threads got the same set). */
  disabledRuleIds?: ReadonlySet<string>;
  /** The workspace's key for secret fingerprints (the pool's threads got the same key): Terraform modules are analysed here. */
  fingerprintKey: FingerprintKey;
}

const TERRAFORM_FILE = /\.tf(\.json)?$/;
/**
 * The resource types the Terraform analyzer turns into units (schedules and roles only matter
 * next to one). Most Terraform declares buckets, queues and networks: such modules are not
 * parsed at all, which matters because the HCL parser is the slowest analyzer per byte.
 */
const TERRAFORM_UNIT_RESOURCES = /\b(aws_lambda_function|aws_bedrockagent_agent|google_cloudfunctions2?_function|azurerm_(linux_|windows_)?function_app)\b/;

const BATCH_BYTES = 512 * 1024;
const BATCH_FILES = 64;
/** What a file the walk did not stat counts towards a batch's bytes: a typical source file. */
const UNSTATED_FILE_BYTES = BATCH_BYTES / BATCH_FILES;
const MAX_BACKLOG = 8;
const MAX_WARNINGS = 500;
/** Files a candidate reaches are few but parsed in full: small batches keep every thread busy. */
const DEEPEN_BATCH_FILES = 16;

/**
 * Scans one folder: the walk and reads happen here, analysis on the pool's threads, then the
 * files' findings are linked into candidate agents. Nothing is written to any store.
 */
export async function scanFolder(root: string, options: ScanFolderOptions): Promise<FolderScan> {
  const counters: WalkCounters = emptyWalkCounters();
  /**
   * Each batch's findings at the batch's place in the walk: the threads finish batches in any
   * order, and the linker keeps the first of two equal candidates, so the scan's result must not
   * depend on which thread was faster.
   */
  const findingsByBatch: FileFindings[][] = [];
  const warnings: ScanSummary['warnings'] = [];
  const stubbed = new Set<string>();
  // A Terraform module spans the .tf files of one folder (a schedule in events.tf targets the
  // Lambda in lambda.tf), so those files are analysed together after the walk.
  const terraformModules = new Map<string, Array<{ path: string; text: string }>>();
  const inFlight = new Set<Promise<void>>();
  let batch: FileToAnalyze[] = [];
  let batchBytes = 0;
  /** Every file sent for analysis, by relative path: the second pass reads stubs again by it. */
  const sent = new Map<string, FileToAnalyze>();
  /** Repositories and packages in the tree: a config's command runs code of its own project only. */
  const projectFolders: ProjectFolder[] = [];
  const report = () => options.onProgress?.({ ...counters, candidates: 0 });
  const addWarning = (path: string, message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push({ path, message });
  };

  const flush = async () => {
    if (batch.length === 0) return;
    const files = batch;
    batch = [];
    batchBytes = 0;
    const batchFindings: FileFindings[] = [];
    findingsByBatch.push(batchFindings);
    const work = options.pool.analyze(files).then((results) => {
      results.forEach((result, i) => {
        const file = files[i]!;
        tallyRead(counters, result.read);
        if (!result.read.ok && result.read.reason === 'unreadable') addWarning(file.relPath, result.read.detail);
        if (result.stubbed) stubbed.add(file.relPath);
        batchFindings.push(...result.findings);
        for (const w of result.warnings) addWarning(w.path, w.message);
      });
      report();
    });
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => {});
    if (inFlight.size >= MAX_BACKLOG) await Promise.race(inFlight);
  };

  await walkTree(
    root,
    {
      counters,
      onProgress: report,
      onSkip: (skip) => addWarning(skip.relPath, skip.detail),
      onProjectFolder: (folder) => projectFolders.push(folder),
    },
    async (file) => {
      options.throwIfCancelled?.();
      if (TERRAFORM_FILE.test(file.relPath)) {
        // Few and small: read here, analysed per folder after the walk.
        const outcome = readCandidate(file);
        tallyRead(counters, outcome);
        if (!outcome.ok) {
          if (outcome.reason === 'unreadable') addWarning(file.relPath, outcome.detail);
          return;
        }
        const folder = posix.dirname(file.relPath);
        terraformModules.set(folder, [...(terraformModules.get(folder) ?? []), { path: file.relPath, text: outcome.bytes.toString('utf8') }]);
        return;
      }
      const toAnalyze: FileToAnalyze = { relPath: file.relPath, kind: file.kind, absPath: file.absPath, size: file.size };
      sent.set(file.relPath, toAnalyze);
      batch.push(toAnalyze);
      batchBytes += file.size ?? UNSTATED_FILE_BYTES;
      if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) await flush();
    },
  );
  await flush();
  // Terraform modules are analysed here while the analyzer threads finish their last batches;
  // their findings still come after every thread's, as the linker has always seen them.
  const terraform = analyzeTerraformModules(terraformModules, options);
  terraform.catch(() => {}); // awaited below; a batch failing first must not leave it unhandled
  await Promise.all(inFlight);
  const terraformResult = await terraform;
  options.throwIfCancelled?.();
  const findings = [...findingsByBatch.flat(), ...terraformResult.findings];
  for (const w of terraformResult.warnings) addWarning(w.path, w.message);
  const label = options.label ?? (basename(root) || root);
  const code = findings.filter((f): f is CodeFindings => f.type === 'code');
  // Resolving imports depends only on the files' paths, the same whatever is analysed in full: worked out once.
  const samePaths = new CodeIndex(code, { projects: new ProjectBoundaries(projectFolders) });
  // Code a unit may run but that imports no LLM SDK (its tools' helpers, its entry script) was
  // only skimmed for imports: analyse it fully before the one link.
  const seeds = new Set(code.filter((f) => !stubbed.has(f.path) || (f.proxyCalls?.length ?? 0) > 0).map((f) => f.path));
  const mayRun = codeUnitsMayRun(code, findings.filter((f): f is ConfigFindings => f.type === 'config'), samePaths, seeds);
  let full = await deepen(options.pool, findings, stubbed, sent, mayRun);
  let agents = linkUnits(label, full.findings, { samePaths });
  // The import graph predicts what the units run (see code-units-may-run.ts); should a unit still
  // reach a skimmed file, that file is analysed too and the units linked again.
  const missed = new Set(agents.flatMap((a) => a.codeFiles).filter((path) => full.stubbed.has(path)));
  if (missed.size > 0) {
    full = await deepen(options.pool, full.findings, full.stubbed, sent, missed);
    agents = linkUnits(label, full.findings, { samePaths });
  }
  const redacted = new Map<string, string>();
  agents = agents.map((agent) => redactDeep(agent, redacted));
  const final = { ...counters, candidates: agents.length };
  options.onProgress?.(final);
  return { agents, counters: final, warnings };
}

/** The Terraform modules that declare functions, each analysed as one (a schedule in events.tf reaches the Lambda in lambda.tf). */
async function analyzeTerraformModules(modules: Map<string, Array<{ path: string; text: string }>>, options: ScanFolderOptions): Promise<{ findings: FileFindings[]; warnings: FileWarning[] }> {
  const result = { findings: [] as FileFindings[], warnings: [] as FileWarning[] };
  if (modules.size === 0) return result;
  const configOptions = { rules: readBundledConfigRules(), disabledRuleIds: options.disabledRuleIds ?? new Set<string>(), fingerprintKey: options.fingerprintKey };
  for (const files of modules.values()) {
    options.throwIfCancelled?.();
    if (!files.some((f) => TERRAFORM_UNIT_RESOURCES.test(f.text))) continue;
    const module = await analyzeTerraformModule(files, configOptions);
    result.findings.push(...module.findings.filter((f) => f.units.length > 0 || f.credentials.length > 0));
    result.warnings.push(...module.warnings);
  }
  return result;
}

/** The findings with the stubbed files among `paths` analysed in full, and the files still stubbed. */
async function deepen(pool: AnalyzerPool, findings: FileFindings[], stubbed: ReadonlySet<string>, sent: ReadonlyMap<string, FileToAnalyze>, paths: ReadonlySet<string>): Promise<{ findings: FileFindings[]; stubbed: Set<string> }> {
  const toDeepen = [...stubbed].filter((path) => paths.has(path)).map((path) => ({ ...sent.get(path)!, full: true }));
  if (toDeepen.length === 0) return { findings, stubbed: new Set(stubbed) };
  const results = await analyzeSpread(pool, toDeepen);
  const deepened = new Map(results.map((result, i) => [toDeepen[i]!.relPath, result.findings]));
  return {
    findings: findings.flatMap((f) => (f.type === 'code' && deepened.has(f.path) ? (deepened.get(f.path) ?? []) : [f])),
    stubbed: new Set([...stubbed].filter((path) => !deepened.has(path))),
  };
}

/** Files analysed in batches the pool spreads over its threads (one batch would keep one thread busy and the others idle); results in the files' order. */
async function analyzeSpread(pool: AnalyzerPool, files: FileToAnalyze[]): Promise<AnalyzedFile[]> {
  const batches: FileToAnalyze[][] = [];
  for (let i = 0; i < files.length; i += DEEPEN_BATCH_FILES) batches.push(files.slice(i, i + DEEPEN_BATCH_FILES));
  return (await Promise.all(batches.map((batch) => pool.analyze(batch)))).flat();
}
