import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { DiscoveredAgent } from '../shared/discovery';
import { codePrefilterPatterns } from '../electron/discovery/code/bundled-code-rules';
import { analyzeCode, codeLanguageOf, loadCodeParsers } from '../electron/discovery/code';
import type { CodeLanguage } from '../electron/discovery/code/code-model';
import { parseSource } from '../electron/discovery/code/parser';
import { loadAnalyzerRules } from '../electron/discovery/scan/analyze-file';
import { readCandidate, walkTree } from '../electron/discovery/walk';
import { AnalyzerPool } from '../electron/discovery/scan/analyzer-pool';
import { scanFolder, type FolderScan } from '../electron/discovery/scan/scan-folder';
import { DEFAULT_TREE_DIR, readManifest, TREE_VERSION, treeKey, type TreeManifest } from './generate-tree';
import { row } from './stats';

/**
 * Repository discovery over a generated tree of about 50,000 files and 500 MB with a few hundred
 * planted agents (bench/generate-tree.ts): the real scanner (2 analyzer threads + scanFolder)
 * against Debian ripgrep searching the same tree for the scanner's prefilter patterns. Targets
 * (scanner at most 3x rg, peak memory under 1 GB) are printed, never asserted.
 *
 * Runs: the median of 3 of each, after one rg run that puts the tree in the page cache. A
 * scanner run longer than SLOW_RUN_MS is not repeated (ATW_BENCH_SCAN_RUNS=n forces n runs).
 * First, the start-up of a CLI scan of one small file (cliStartupBench), against its targets
 * (under 0.5 s and 150 MB). On a machine other work is loading, the ratio to rg is the figure
 * to read: both run in the same conditions.
 */

const RUNS = 3;
const SLOW_RUN_MS = 90_000;
const ANALYZER_THREADS = 2;
const COUNTED_CONFIDENCE = 0.5; // as the accuracy corpus counts a candidate (corpus/README.md)
const MB = 1_000_000;

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function discoveryBench(): Promise<void> {
  await cliStartupBench();
  const manifest = await treeFor(DEFAULT_TREE_DIR);
  const root = join(DEFAULT_TREE_DIR, 'tree');
  console.log(`\nDiscovery: scan of a generated tree (${root})`);
  row('tree: files / size', `${manifest.files.toLocaleString()} / ${(manifest.bytes / MB).toFixed(0)} MB`);
  row('  of which in ignored folders (.gitignore, node_modules)', `${manifest.ignoredFiles.toLocaleString()} / ${(manifest.ignoredBytes / MB).toFixed(0)} MB`);
  row('planted agents (in copies of the labelled corpus repos)', `${manifest.planted.length} (${manifest.corpusCopies})`);

  // ripgrep first: its first run also warms the page cache for both.
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => existsSync(p)) ?? null;
  // Hidden folders (.github, .cursor) are read by the scanner too; .git is not. .gitignore applies
  // with or without a .git folder, as in the scanner's walker.
  const rgFlags = ['--count', '--hidden', '--no-require-git', '--glob', '!.git', '--threads', String(ANALYZER_THREADS)];
  const patterns = codePrefilterPatterns();
  const rgArgs = [...rgFlags, ...patterns.flatMap((p) => ['-e', p]), root];
  let rgMs: number | null = null;
  let rgCpuMs = 0;
  let rgFiles = 0;
  if (rg) {
    rgFiles = (await runRg(rg, rgArgs)).files;
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await runRg(rg, rgArgs);
      times.push(run.ms);
      cpuTimes.push(run.cpuMs);
    }
    rgMs = median(times);
    rgCpuMs = median(cpuTimes);
  }

  // The scanner, each run with its own analyzer pool, as a scan job does.
  const wanted = Number(process.env.ATW_BENCH_SCAN_RUNS) || 0;
  const runs: ScanRun[] = [];
  let scored: { counters: FolderScan['counters']; candidates: number; found: ReturnType<typeof scoreAgainstPlanted> } | null = null;
  for (let i = 0; i < (wanted || RUNS); i++) {
    const run = await scanOnce(root);
    // The first run is scored at once and no run's agents are kept: holding them would count an
    // earlier result in the next run's peak memory, which a scan in the app never holds.
    scored ??= { counters: run.scan!.counters, candidates: run.scan!.agents.length, found: scoreAgainstPlanted(run.scan!.agents, manifest) };
    runs.push({ ...run, scan: null });
    console.log(`  scan run ${i + 1}: ${seconds(runs.at(-1)!.scanMs)} (+ ${seconds(runs.at(-1)!.startupMs)} analyzer start-up), peak RSS ${(run.peakRss / MB).toFixed(0)} MB`);
    if (!wanted && runs[0]!.scanMs > SLOW_RUN_MS) break;
  }
  const scanMs = median(runs.map((r) => r.scanMs));
  const scanCpuMs = median(runs.map((r) => r.cpuMs));
  const { counters, candidates, found } = scored!;
  const peakSampled = Math.max(...runs.map((r) => r.peakRss));
  const maxRss = process.resourceUsage().maxRSS * 1024;

  console.log(`  Scanner: AnalyzerPool(${ANALYZER_THREADS} threads) + scanFolder, median of ${runs.length} run${runs.length > 1 ? 's' : ''}${runs.length < RUNS ? ` (a run takes over ${SLOW_RUN_MS / 1000} s)` : ''}`);
  row('wall time (walk, read, analyse, link)', seconds(scanMs));
  row('CPU time, all threads (user + system)', seconds(scanCpuMs));
  row('analyzer thread start-up (not in wall time)', seconds(median(runs.map((r) => r.startupMs))));
  row('files seen / read', `${counters.filesSeen.toLocaleString()} / ${counters.filesRead.toLocaleString()}`);
  row('skipped: binary / oversized or minified / ignored folders', `${counters.skippedBinary} / ${counters.skippedOversized} / ${counters.skippedIgnored}`);
  row('files seen per second', Math.round(counters.filesSeen / (scanMs / 1000)).toLocaleString());
  row('MB read per second', `${(counters.bytesRead / MB / (scanMs / 1000)).toFixed(1)} MB/s`);
  // The first run is what a scan costs a fresh process (the app's scan job, the CLI); later runs
  // also hold what earlier runs' threads left for the allocator to return.
  row('peak memory of one scan: RSS sampled every 100 ms during the first run', `${(runs[0]!.peakRss / MB).toFixed(0)} MB`, '< 1 GB');
  row('peak memory: RSS sampled during every run / process maxRSS (whole bench process)', `${(peakSampled / MB).toFixed(0)} MB / ${(maxRss / MB).toFixed(0)} MB`);

  row('candidates (all) / counted (confidence >= 0.5)', `${candidates} / ${found.counted}`);
  row('planted agents found (same unit kind, path and name)', `${found.found} of ${manifest.planted.length}`);
  row('  with the right classification (agent / llm-call)', String(found.rightClass));
  row('  linked only to code of their own copy', `${found.ownCode} of ${found.withCode} with code`);
  row('counted candidates that were not planted', String(found.extra));
  row('  of which on trap paths (tests, docs, vendored, no LLM)', String(found.trapHits));

  console.log(`  ripgrep: rg ${rgFlags.join(' ')} -e <each of the ${patterns.length} prefilter patterns> <tree>, median of ${RUNS}`);
  if (rg && rgMs !== null) {
    row('rg wall time (after one warm-up run)', seconds(rgMs));
    row('files rg found with a prefilter match', rgFiles.toLocaleString());
    row('ratio scanner / rg', `${(scanMs / rgMs).toFixed(1)}x`, '<= 3x');
    row('rg CPU time (user + system, all threads)', seconds(rgCpuMs));
    row('CPU ratio scanner / rg (steadier than wall time on a loaded machine)', `${(scanCpuMs / rgCpuMs).toFixed(1)}x`);
  } else {
    row('rg not installed (apt-get install ripgrep): no reference figure', '-');
  }

  const floor = await parseFloor(root);
  console.log('  What the LLM files alone cost: each file the prefilter passes, parsed and analysed once more on one thread (no walk, no other file, no link)');
  row('files the prefilter passes / their size', `${floor.files.toLocaleString()} / ${(floor.bytes / MB).toFixed(1)} MB`);
  row('tree-sitter parse and syntax copy, CPU', seconds(floor.parseCpuMs));
  row('full analysis (parse, copy and every code analyzer), CPU', seconds(floor.analyseCpuMs));
  if (rg && rgMs !== null) row('parse and copy alone / rg CPU for the whole tree', `${(floor.parseCpuMs / rgCpuMs).toFixed(1)}x`);
}

/**
 * The part of a scan no tuning of the walk, the reads, the configs or the link can remove: the
 * syntax trees of the files with LLM signal. Printed beside the rg ratio so the target can be
 * read against it: when parsing those files alone costs more CPU than rg's whole search, a scan
 * that parses them cannot come within a small factor of rg.
 */
async function parseFloor(root: string): Promise<{ files: number; bytes: number; parseCpuMs: number; analyseCpuMs: number }> {
  const rules = loadAnalyzerRules(new Set(), randomBytes(32));
  await loadCodeParsers();
  const texts: Array<{ path: string; text: string; language: CodeLanguage }> = [];
  const decoder = new TextDecoder();
  await walkTree(root, {}, (file) => {
    const language = file.kind === 'code' ? codeLanguageOf(file.relPath) : null;
    if (!language) return;
    const read = readCandidate(file);
    if (!read.ok) return;
    const text = decoder.decode(read.bytes);
    if (rules.code.passesPrefilter(language, text)) texts.push({ path: file.relPath, text, language });
  });
  const cpu = (work: () => void) => {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  const parseCpuMs = cpu(() => texts.forEach((file) => parseSource(file.path, file.text, file.language)));
  const analyseCpuMs = cpu(() => texts.forEach((file) => analyzeCode(file.path, file.text, rules.code, rules.fingerprintKey, () => {}, { skipPrefilter: true })));
  return { files: texts.length, bytes: texts.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0), parseCpuMs, analyseCpuMs };
}

const STARTUP_RUNS = 5;
const repoRoot = join(benchDir, '..');
const cliLauncher = join(repoRoot, 'bin', 'agent-triage.mjs');
/** Loaded before the command: reports the whole process's peak RSS (every thread's memory) as it exits. */
const REPORT_PEAK_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nATW_MAX_RSS_KB '+process.resourceUsage().maxRSS+'\\n'))`;

/**
 * What a user waits for before any work: `agent-triage scan <folder> --json` on a folder of one
 * small file, in a fresh workspace and a fresh AGENT_TRIAGE_HOME, timed from spawn to exit with
 * the process's peak RSS. Bare `node` on an empty script is printed beside it as the floor.
 * Needs the built CLI (out/main/cli.js, `npx electron-vite build`): a bench of stale sources
 * would measure the wrong code, so a missing build is reported, not built here.
 */
export async function cliStartupBench(): Promise<void> {
  console.log('\nDiscovery: start-up of a CLI scan of one small file');
  if (!existsSync(join(repoRoot, 'out', 'main', 'cli.js'))) {
    row('out/main/cli.js is missing: run `npx electron-vite build` first', '-');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'atw-bench-startup-'));
  try {
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    writeFileSync(join(repo, 'summarise.py'), 'from openai import OpenAI\n\nclient = OpenAI()\n\n\ndef summarise(text: str) -> str:\n    return client.responses.create(model="gpt-4o-mini", input=text).output_text\n');
    const empty = join(dir, 'empty.mjs');
    writeFileSync(empty, '');
    const floor: ProcessRun[] = [];
    const scans: ProcessRun[] = [];
    for (let i = 0; i < STARTUP_RUNS; i++) {
      floor.push(await runMeasured([empty], {}));
      const home = join(dir, `home-${i}`);
      const run = await runMeasured([cliLauncher, 'scan', repo, '--workspace', join(dir, `w-${i}.atw`), '--json'], { AGENT_TRIAGE_HOME: home });
      if (run.code !== 0 || !run.stdout.includes('"ok":true')) throw new Error(`agent-triage scan failed (exit ${run.code}): ${run.stderr.trim().slice(0, 500)}`);
      scans.push(run);
    }
    row(`agent-triage scan <1 file> --json: wall time, median of ${STARTUP_RUNS}`, seconds(median(scans.map((r) => r.ms))), '< 0.5 s');
    row('  peak RSS of the process (all threads)', `${(median(scans.map((r) => r.maxRssKb)) / 1000).toFixed(0)} MB`, '< 150 MB');
    row('  for reference, bare node on an empty script', `${seconds(median(floor.map((r) => r.ms)))}, ${(median(floor.map((r) => r.maxRssKb)) / 1000).toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ProcessRun {
  ms: number;
  maxRssKb: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

function runMeasured(args: string[], env: Record<string, string>): Promise<ProcessRun> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', REPORT_PEAK_RSS, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      const rss = /ATW_MAX_RSS_KB (\d+)/.exec(stderr);
      if (!rss) return reject(new Error(`no peak RSS reported (exit ${code}): ${stderr.trim().slice(0, 500)}`));
      resolve({ ms, maxRssKb: Number(rss[1]), code, stdout, stderr });
    });
  });
}

/** The generated tree, made by a child process when missing or stale (its memory is not the scan's). */
async function treeFor(dir: string): Promise<TreeManifest> {
  const fresh = () => {
    const manifest = readManifest(dir);
    return manifest && manifest.version === TREE_VERSION && manifest.key === treeKey() ? manifest : null;
  };
  const existing = fresh();
  if (existing) return existing;
  console.log(`\nDiscovery: generating the benchmark tree in ${dir} (once; reused while the generator and the corpus are unchanged)`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(benchDir, 'generate-tree.ts'), dir], { stdio: 'inherit', cwd: join(benchDir, '..') });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generate-tree exited with ${code}`))));
  });
  const made = fresh();
  if (!made) throw new Error(`generate-tree did not leave a matching manifest in ${dir}`);
  return made;
}

/**
 * One rg run, timed, with its CPU time: bash's `times` prints the CPU its children used (user and
 * system), which Node does not report for a child process. CPU time is the figure to compare on a
 * machine other work is loading, where wall times swing.
 */
function runRg(rg: string, args: string[]): Promise<{ ms: number; cpuMs: number; files: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    // The counts stay on stdout; `times` goes last to stderr (its second line is the children's).
    const script = '"$0" "$@"; status=$?; times >&2; exit $status';
    execFile('bash', ['-c', script, rg, ...args], { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const ms = performance.now() - start;
      // Exit status 1 means "no match", not a failure.
      if (error && error.code !== 1) return reject(error);
      const children = stderr.trim().split('\n').at(-1) ?? '';
      const cpuMs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000, 0);
      resolve({ ms, cpuMs, files: stdout.split('\n').filter(Boolean).length });
    });
  });
}

interface ScanRun {
  scan: FolderScan | null;
  scanMs: number;
  /** CPU time of the whole process (the scan's thread and the analyzer threads) during the scan. */
  cpuMs: number;
  startupMs: number;
  peakRss: number;
}

async function scanOnce(root: string): Promise<ScanRun> {
  const t0 = performance.now();
  const fingerprintKey = randomBytes(32);
  const pool = new AnalyzerPool(new Set(), fingerprintKey, ANALYZER_THREADS);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  try {
    // Wait for the first thread to be up, so the wall time is the scan's own (the second starts when the first is busy, inside the wall time).
    await pool.warmUp();
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const scan = await scanFolder(root, { pool, label: 'bench-tree', fingerprintKey });
    const scanMs = performance.now() - t1;
    const cpu = process.cpuUsage(cpu0);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { scan, scanMs, cpuMs: (cpu.user + cpu.system) / 1000, startupMs: t1 - t0, peakRss };
  } finally {
    clearInterval(sampler);
    await pool.close();
  }
}

function scoreAgainstPlanted(agents: DiscoveredAgent[], manifest: TreeManifest) {
  const key = (kind: string, path: string, name: string) => `${kind}\0${path}\0${name}`;
  const planted = new Map(manifest.planted.map((p) => [key(p.unitKind, p.path, p.name), p]));
  const traps = new Set(manifest.traps);
  // As the corpus score counts: examples (docs workflows, test copies, dev servers) claim nothing deployed.
  const counted = agents.filter((a) => a.confidence >= COUNTED_CONFIDENCE && a.classification !== 'example');
  let found = 0;
  let rightClass = 0;
  let withCode = 0;
  let ownCode = 0;
  let extra = 0;
  let trapHits = 0;
  const seen = new Set<string>();
  for (const agent of counted) {
    const k = key(agent.unit.kind, agent.unit.path, agent.unit.name);
    const expected = planted.get(k);
    if (!expected || seen.has(k)) {
      extra++;
      if (traps.has(agent.unit.path)) trapHits++;
      continue;
    }
    seen.add(k);
    found++;
    if (agent.classification === expected.classification) rightClass++;
    if (agent.codeFiles.length > 0) {
      withCode++;
      if (agent.codeFiles.every((f) => f.startsWith(`${expected.prefix}/`))) ownCode++;
    }
  }
  return { counted: counted.length, found, rightClass, withCode, ownCode, extra, trapHits };
}
