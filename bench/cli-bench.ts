import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiscoveredAgent } from '../shared/discovery';
import { workspaceAdvisoryLookup } from '../electron/advisories/workspace-advisories';
import { loadCorpus } from '../electron/discovery/corpus/corpus-expectation';
import { confirmCandidate, replaceScanFacts, scanSourceFor } from '../electron/discovery/discovery-repository';
import { AnalyzerPool } from '../electron/discovery/scan/analyzer-pool';
import { scanFolder, type FolderScan } from '../electron/discovery/scan/scan-folder';
import { buildDemoWorkspace } from '../electron/demo/demo-workspace';
import { resourcesDir } from '../electron/resources-dir';
import { createWorkspaceFile } from '../electron/store/workspace-file';
import { buildCli, describeRuns, timeCliProcess } from './cli-process';
import { row } from './stats';

/**
 * The `agent-triage` command's start-up and its listing, as whole processes of the built CLI
 * (median of RUNS; peak RSS is the highest of the runs). Targets are printed, never asserted:
 * start-up under 0.5 s and 150 MB, `agents --json` on a 374-candidate workspace under 300 ms.
 */

const RUNS = 7;
const CANDIDATES = 374;

export async function cliBench(): Promise<void> {
  buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'atw-cli-bench-'));
  // A home of its own: the runs never read or write the person's ~/.agent-triage.
  const env = { ...process.env, AGENT_TRIAGE_HOME: join(dir, 'home') };
  try {
    console.log(`\nCLI: whole agent-triage processes (node bin/agent-triage.mjs), median of ${RUNS} runs; cpu is user + system time, steadier than wall time on a busy machine`);
    const help = timeCliProcess(RUNS, () => ['--help'], env);
    row('agent-triage --help: wall (cpu) / peak RSS', describeRuns(help), '< 500 ms, < 150 MB');

    const empty = join(dir, 'empty.atw');
    createWorkspaceFile(empty).close();
    const startUp = timeCliProcess(RUNS, () => ['agents', '--workspace', empty, '--json'], env);
    row('agents --json, empty workspace (start-up): wall (cpu) / RSS', describeRuns(startUp), '< 500 ms, < 150 MB');

    const oneFile = join(dir, 'one-file');
    mkdirSync(oneFile);
    writeFileSync(join(oneFile, 'app.py'), 'from openai import OpenAI\n\nclient = OpenAI()\nclient.responses.create(model="gpt-4.1", input="hi")\n');
    let n = 0;
    const scanOne = timeCliProcess(RUNS, () => ['scan', oneFile, '--workspace', join(dir, `scan-${n++}.atw`), '--json'], env);
    row('scan of a folder of one file (new workspace): wall (cpu) / RSS', describeRuns(scanOne));

    // The demo workspace: agents with usage, budgets and checklist evidence, as a person's first run has.
    const demo = join(dir, 'demo.atw');
    await buildDemoWorkspace(demo, resourcesDir());
    const triage = timeCliProcess(RUNS, () => ['triage', '--workspace', demo], env);
    row('triage, demo workspace (text): wall (cpu) / RSS', describeRuns(triage));
    const usage = timeCliProcess(RUNS, () => ['usage', '--by', 'agent', '--workspace', demo], env);
    row('usage --by agent, demo workspace (text): wall (cpu) / RSS', describeRuns(usage));

    const listed = join(dir, 'listed.atw');
    const { candidates, agents } = await workspaceWithCandidates(listed, CANDIDATES);
    const agentsJson = timeCliProcess(RUNS, () => ['agents', '--workspace', listed, '--json'], env);
    const value = (JSON.parse(agentsJson.last.stdout) as { value: { agents: unknown[]; candidates: unknown[] } }).value;
    if (value.candidates.length !== candidates || value.agents.length !== agents) throw new Error('agents --json listed other counts than the workspace holds');
    row(`workspace: discovered candidates / registry agents`, `${candidates} / ${agents}`);
    row(`agents --json (${candidates} candidates): wall (cpu) / RSS`, describeRuns(agentsJson), '< 300 ms');
    row('  output size', `${(agentsJson.last.stdout.length / 1_000_000).toFixed(1)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A workspace holding `count` real scanner candidates: the labelled corpus is scanned once and
 * stored as copies of its repositories under folders of their own (as a monorepo of vendored
 * copies would be), through the same repository calls a scan job makes; every other agent is
 * confirmed into the registry (of those that can be), so `agents` lists both.
 */
export async function workspaceWithCandidates(path: string, count: number): Promise<{ candidates: number; agents: number }> {
  const fingerprintKey = randomBytes(32);
  const pool = new AnalyzerPool(new Set(), fingerprintKey, 2);
  const scans: Array<{ name: string; scan: FolderScan }> = [];
  try {
    for (const repo of loadCorpus()) scans.push({ name: repo.name, scan: await scanFolder(repo.root, { pool, label: repo.name, fingerprintKey }) });
  } finally {
    await pool.close();
  }
  if (scans.every((s) => s.scan.agents.length === 0)) throw new Error('the corpus scan found no candidates');
  const ws = createWorkspaceFile(path);
  try {
    const author = { actor: 'bench', via: 'bench' };
    const keys: string[] = [];
    /** The agents and LLM calls: MCP servers and remote callers are merged into an agent, never confirmed as one. */
    const confirmable: string[] = [];
    ws.db.transaction(() => {
      for (let copy = 0; keys.length < count; copy++) {
        for (const { name, scan } of scans) {
          if (keys.length >= count || scan.agents.length === 0) continue;
          const source = scanSourceFor(ws.db, `/bench/copy-${copy}/${name}`);
          const agents = scan.agents.slice(0, count - keys.length).map((a) => relabel(a, name, source.label));
          replaceScanFacts(ws.db, source, { startedAt: new Date().toISOString(), actor: author.actor, counters: scan.counters, warnings: scan.warnings }, agents);
          keys.push(...agents.map((a) => a.identityKey));
          confirmable.push(...agents.filter((a) => a.classification === 'agent' || a.classification === 'llm-call').map((a) => a.identityKey));
        }
      }
    })();
    const advisories = workspaceAdvisoryLookup(ws.db);
    const confirmed = confirmable.filter((_, i) => i % 2 === 0);
    for (const key of confirmed) confirmCandidate(ws.db, key, author, advisories);
    return { candidates: keys.length, agents: confirmed.length };
  } finally {
    ws.close();
  }
}

/** The same finding in another copy: identity keys (and the links that name them) start with the copy's label. */
function relabel(agent: DiscoveredAgent, from: string, to: string): DiscoveredAgent {
  return from === to ? agent : (JSON.parse(JSON.stringify(agent).replaceAll(`"${from}:`, `"${to}:`)) as DiscoveredAgent);
}
