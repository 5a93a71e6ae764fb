import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AgentDraft } from '../../shared/agent';
import { AnalyzerPool } from '../discovery/scan/analyzer-pool';
import { scanFolder, type FolderScan } from '../discovery/scan/scan-folder';
import { createAgent } from '../agents/agents-repository';
import { mergeCandidate, replaceScanFacts, scanLabelFor, scanSourceFor } from '../discovery/discovery-repository';
import { fingerprintKeyOf } from '../store/fingerprint-key';
import { createWorkspaceFile, type Db, type OpenOptions, type Workspace } from '../store/workspace-file';
import { runImport } from '../imports/run-import';
import { inlineJobContext } from '../jobs/job-context';
import { writeTransaction } from '../store/write-transaction';
import { checkpointWal, markAsDemo } from '../store/workspace-meta';
import { setBudget } from '../usage/usage-agents';

const DAY_MS = 86_400_000;

const DemoAgent = AgentDraft.omit({ lastReviewed: true, rollback: true }).extend({
  reviewedDaysAgo: z.number().int().min(0).nullable(),
  rollback: z.object({ procedure: z.string(), rehearsedDaysAgo: z.number().int().min(0).nullable() }),
});
const DemoFile = z.object({
  engagement: z.string(),
  agents: z.array(DemoAgent),
  /** Candidates the consultant already joined to a registry agent (identity key -> agent name); the rest wait in the queue for the first hour. */
  merged: z.record(z.string(), z.string()).default({}),
});

function daysAgo(days: number | null, now: Date): string | null {
  return days === null ? null : new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Writes the first-launch demo engagement from resources/demo to `path`, through the same store
 * calls a person's edits use (so the demo has a real audit trail). Built under a temporary name
 * and renamed at the end: an interrupted build leaves no half demo behind.
 */
export async function buildDemoWorkspace(path: string, resources: string, options: OpenOptions = {}, now = new Date()): Promise<void> {
  const demo = DemoFile.parse(JSON.parse(readFileSync(join(resources, 'demo', 'agents.json'), 'utf8')));
  const temp = `${path}.building-${process.pid}-${randomBytes(4).toString('hex')}`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
  const ws = createWorkspaceFile(temp, options);
  const author = { actor: 'demo', via: 'demo-seed' };
  try {
    seed(ws.db, demo, author, now);
    await scanDemoSources(ws.db, join(resources, 'demo', 'source'), author);
    mergeDemoCandidates(ws.db, demo.merged, author);
    await importDemoExports(ws, join(resources, 'demo', 'iam'), author);
    await importDemoExports(ws, join(resources, 'demo', 'usage'), author);
    setDemoBudgets(ws.db, author);
    checkpointWal(ws.db);
    ws.close();
    renameSync(temp, path);
  } catch (err) {
    ws.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${temp}${suffix}`, { force: true });
    throw err;
  }
}

/** The client's IAM and usage exports, imported through the same pipeline (detect, read, apply) a person's files take. */
async function importDemoExports(ws: Workspace, dir: string, author: { actor: string; via: string }): Promise<void> {
  if (!existsSync(dir)) return;
  const files = readdirSync(dir)
    .filter((name) => /\.(json|csv)$/.test(name))
    .sort()
    .map((name) => ({ fileName: name, path: join(dir, name) }));
  await runImport(inlineJobContext(ws, author), { files, mode: 'apply', skipRows: {} });
}

/**
 * The demo's discovery results come from the real scanner run over resources/demo/source (one
 * folder per service of the fictional company), so first launch shows real evidence.
 */
async function scanDemoSources(db: Db, sourceDir: string, author: { actor: string; via: string }): Promise<void> {
  if (!existsSync(sourceDir)) return;
  const services = readdirSync(sourceDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(sourceDir, e.name));
  // The demo's secrets are fingerprinted under its own key, like any workspace's.
  const fingerprintKey = fingerprintKeyOf(db);
  const pool = new AnalyzerPool(new Set(), fingerprintKey);
  try {
    const startedAt = new Date().toISOString();
    const scans: Array<{ root: string; scan: FolderScan }> = [];
    for (const root of services) scans.push({ root, scan: await scanFolder(root, { pool, label: scanLabelFor(db, root), fingerprintKey }) });
    writeTransaction(db, () => {
      for (const { root, scan } of scans) replaceScanFacts(db, scanSourceFor(db, root), { startedAt, actor: author.actor, counters: scan.counters, warnings: scan.warnings }, scan.agents);
    });
  } finally {
    await pool.close();
  }
}

/** Joins the scanned units the consultant already matched to their registry agents, as a person's merge would. */
function mergeDemoCandidates(db: Db, merged: Record<string, string>, author: { actor: string; via: string }): void {
  writeTransaction(db, () => {
    for (const [identityKey, agentName] of Object.entries(merged)) {
      const agent = db.prepare('SELECT id FROM agents WHERE identity_key = ?').get(`demo:${agentName}`) as { id: string } | undefined;
      if (!agent) throw new Error(`resources/demo/agents.json merges ${identityKey} into "${agentName}", which is not a demo agent.`);
      mergeCandidate(db, identityKey, agent.id, author, () => []);
    }
  });
}

/** One daily cap the consultant agreed with the disputes team, so the budget view has something over it. */
function setDemoBudgets(db: Db, author: { actor: string; via: string }): void {
  const agent = db.prepare(`SELECT id FROM agents WHERE identity_key = 'demo:Dispute Resolution Assistant'`).get() as { id: string } | undefined;
  if (agent) setBudget(db, agent.id, { dailyTokenCap: 4_000_000, dailyCostCapUsd: 12 }, author);
}

function seed(db: Db, demo: z.infer<typeof DemoFile>, author: { actor: string; via: string }, now: Date): void {
  writeTransaction(db, () => {
    markAsDemo(db, demo.engagement);
    for (const { reviewedDaysAgo, rollback, ...agent } of demo.agents) {
      createAgent(
        db,
        {
          ...agent,
          lastReviewed: daysAgo(reviewedDaysAgo, now),
          rollback: { procedure: rollback.procedure === '' ? null : rollback.procedure, lastRehearsed: daysAgo(rollback.rehearsedDaysAgo, now) },
        },
        author,
        `demo:${agent.name}`,
      );
    }
  });
}
