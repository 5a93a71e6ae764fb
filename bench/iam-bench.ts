import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createAgent } from '../electron/agents/agents-repository';
import { blastRadiusOf, whoCanReach } from '../electron/blast-radius/blast-radius';
import { identitySnapshot } from '../electron/blast-radius/identity-snapshot';
import { runImport } from '../electron/imports/run-import';
import { inlineJobContext } from '../electron/jobs/job-context';
import { tempDir } from '../electron/store/test-workspace';
import { createWorkspaceFile } from '../electron/store/workspace-file';
import { writeTransaction } from '../electron/store/write-transaction';
import { FULL_IAM_ORG, generateAwsOrganisation } from './generate-iam-org';
import { fmt, medianMs, row } from './stats';

const RUNS = 5;
const AGENTS = 300;

/**
 * Issue 9's figures: importing a 5,000-role organisation against JSON.parse of the same file
 * (same script, same machine), blast radius for one agent and for all, the reverse query, and the
 * graph layout of 3,000 nodes and 10,000 edges in a worker with the main thread's longest stall.
 */
export async function iamBench(): Promise<void> {
  const tmp = tempDir('atw-bench-iam-');
  try {
    console.log(`\ncloud IAM import and blast radius (${FULL_IAM_ORG.roles.toLocaleString('en')} roles, ${FULL_IAM_ORG.statements.toLocaleString('en')} statements, ${FULL_IAM_ORG.dataSources.toLocaleString('en')} data sources)`);
    const org = generateAwsOrganisation(FULL_IAM_ORG);
    const path = join(tmp.dir, 'org-authorization-details.json');
    writeFileSync(path, org.json);
    row('export size', `${(org.json.length / 1_048_576).toFixed(1)} MB`);
    const parse = await medianMs(RUNS, () => JSON.parse(org.json));
    row('JSON.parse of the export alone (reference)', fmt(parse));
    let n = 0;
    const importMs = await medianMs(RUNS, async () => {
      const ws = createWorkspaceFile(join(tmp.dir, `import-${n++}.atw`));
      await runImport(inlineJobContext(ws, { actor: 'bench', via: 'bench' }), { files: [{ fileName: 'org-authorization-details.json', path }], mode: 'apply', skipRows: {} });
      ws.close();
    });
    row('our import (read, detect, parse, evaluate, store, provenance)', fmt(importMs));
    row('ratio import / JSON.parse', `${(importMs / parse).toFixed(1)}x`, '<= 10x');

    // One workspace with the organisation and ~300 agents, each naming one role the way a registry does.
    const ws = createWorkspaceFile(join(tmp.dir, 'org.atw'));
    await runImport(inlineJobContext(ws), { files: [{ fileName: 'org.json', path }], mode: 'apply', skipRows: {} });
    const roleNames = org.roleArns.map((arn) => arn.split('/').at(-1)!);
    const agentIds = writeTransaction(ws.db, () =>
      Array.from({ length: AGENTS }, (_, i) => createAgent(ws.db, { name: `agent-${i}`, credentials: [`IAM role ${roleNames[(i * 16) % roleNames.length]}`] }, { actor: 'bench', via: 'bench' })),
    );
    const loadMs = await medianMs(1, () => identitySnapshot(ws.db));
    row('identity snapshot load (once per change of the graph)', fmt(loadMs));
    let a = 0;
    const one = await medianMs(15, () => blastRadiusOf(ws.db, agentIds[a++ % agentIds.length]!));
    row('blast radius of one agent', fmt(one), '< 50 ms');
    const all = await medianMs(3, () => {
      for (const id of agentIds) blastRadiusOf(ws.db, id);
    });
    row(`blast radius of all ${AGENTS} agents`, fmt(all));
    const radius = blastRadiusOf(ws.db, agentIds[0]!);
    const target = radius.paths.find((p) => !p.dataSourceKey.endsWith(':*'))?.dataSourceKey ?? org.dataSourceArns[0]!;
    const reverse = await medianMs(5, () => whoCanReach(ws.db, target));
    const reached = whoCanReach(ws.db, target);
    row(`who can reach one data source (${reached.paths.length} paths)`, fmt(reverse));
    ws.close();

    await layoutInWorker(3_000, 10_000);
  } finally {
    tmp.cleanup();
  }
}

/** A layered graph of `nodes` nodes over 4 columns and `edges` edges between neighbouring columns. */
function bigGraph(nodes: number, edges: number) {
  const columns = [Math.round(nodes * 0.1), Math.round(nodes * 0.15), Math.round(nodes * 0.35)];
  columns.push(nodes - columns.reduce((s, c) => s + c, 0));
  const ids: string[][] = columns.map((count, c) => Array.from({ length: count }, (_, i) => `c${c}-${i}`));
  const layoutNodes = ids.flatMap((col, c) => col.map((id) => ({ id, width: 220, height: 56, partition: c })));
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const layoutEdges = Array.from({ length: edges }, (_, i) => {
    const c = i % 3;
    const from = ids[c]![Math.floor(random() * ids[c]!.length)]!;
    const to = ids[c + 1]![Math.floor(random() * ids[c + 1]!.length)]!;
    return { id: `e${i}`, source: from, target: to };
  });
  return { nodes: layoutNodes, edges: layoutEdges };
}

/**
 * The layout as the app runs it: elkjs in a worker thread while this (the "UI") thread stays free.
 * The longest event-loop stall on this thread during the layout stands for the longest main-thread
 * task; it includes sending the graph to the worker and reading the positions back.
 */
async function layoutInWorker(nodeCount: number, edgeCount: number): Promise<void> {
  const graph = bigGraph(nodeCount, edgeCount);
  const source = new URL('../renderer/src/features/blast-radius/graph/layout-graph.ts', import.meta.url).href;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })
      .then(({ layoutGraph }) => parentPort.on('message', async (g) => parentPort.postMessage(await layoutGraph(g.nodes, g.edges))));`;
  // A browser gives a worker gigabytes of heap; a Node worker's default is far smaller.
  const worker = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
  const times: number[] = [];
  const stalls: number[] = [];
  try {
    for (let run = 0; run < 3; run++) {
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const started = performance.now();
      const positions = await new Promise<Record<string, unknown>>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage(graph);
      });
      times.push(performance.now() - started);
      delay.disable();
      stalls.push(delay.max / 1e6);
      if (Object.keys(positions).length !== nodeCount) throw new Error('the layout lost nodes');
    }
  } finally {
    await worker.terminate();
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  row(`layout of ${nodeCount.toLocaleString('en')} nodes, ${edgeCount.toLocaleString('en')} edges in a worker`, fmt(median(times)), '< 5 s');
  row('longest stall of the main thread during it', fmt(median(stalls)), '< 100 ms');
}
