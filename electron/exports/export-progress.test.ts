import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgents } from '../agents/agents-repository';
import { cancelledError, inlineJobContext, type JobContext } from '../jobs/job-context';
import { tempDir } from '../store/test-workspace';
import { createWorkspaceFile, type Workspace } from '../store/workspace-file';
import { runWorkspaceExport } from './export-job';
import { EXPORT_FORMAT_IDS } from './formats';

/**
 * An export says where it is agent by agent, then each step after the agents, so a person
 * exporting a 2,000-agent workspace sees it move; a cancel is taken between any two of those
 * steps and leaves no file behind, whole or partial.
 */

const AGENTS = 12;
let tmp: ReturnType<typeof tempDir> | undefined;
let ws: Workspace | undefined;
afterEach(() => {
  ws?.close();
  tmp?.cleanup();
  ws = tmp = undefined;
});

function workspaceOfAgents(): { ws: Workspace; dir: string } {
  tmp = tempDir('atw-export-progress-');
  ws = createWorkspaceFile(tmp.file('Acme.atw'));
  createAgents(
    ws.db,
    Array.from({ length: AGENTS }, (_, i) => ({ name: `agent ${String(i).padStart(2, '0')}`, owner: { name: `Person ${i}`, email: `p${i}@corp.example` } })),
    { actor: 'tester', via: 'test' },
  );
  return { ws, dir: tmp.dir };
}

interface Report {
  done: number;
  total: number;
  message: string;
}

function recording(workspace: Workspace, cancelAtCheck = Number.POSITIVE_INFINITY): { ctx: JobContext; reports: Report[]; checks: () => number } {
  const reports: Report[] = [];
  let checks = 0;
  const ctx: JobContext = {
    ...inlineJobContext(workspace),
    progress: (done, total, message) => void reports.push({ done, total, message }),
    throwIfCancelled: () => {
      if (++checks >= cancelAtCheck) throw cancelledError();
    },
  };
  return { ctx, reports, checks: () => checks };
}

const filesLeft = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('export'));

describe.each(EXPORT_FORMAT_IDS())('the %s export', (format) => {
  it('reports progress agent by agent and step by step, never going back, and ends at its total', async () => {
    const { ws, dir } = workspaceOfAgents();
    const { ctx, reports } = recording(ws);
    await runWorkspaceExport(ctx, { format, workspaceName: 'Acme', toolVersion: '1.0.0', target: `${dir}/export` });
    const total = reports[0]!.total;
    expect(total).toBe(AGENTS + 2);
    for (const [i, r] of reports.entries()) {
      expect(r.total, r.message).toBe(total);
      if (i > 0) expect(r.done, r.message).toBeGreaterThanOrEqual(reports[i - 1]!.done);
    }
    expect(reports.at(-1)!.done).toBe(total);
    // Every agent is a step a person sees.
    expect(new Set(reports.map((r) => r.done)).size).toBeGreaterThanOrEqual(AGENTS + 2);
    expect(reports.filter((r) => r.message.startsWith(`Read agent 7 of ${AGENTS} `))).toHaveLength(1);
  });

  it('takes a cancel between any two steps, and leaves no file, whole or partial', async () => {
    const { ws, dir } = workspaceOfAgents();
    const uncancelled = recording(ws);
    await runWorkspaceExport(uncancelled.ctx, { format, workspaceName: 'Acme', toolVersion: '1.0.0', target: `${dir}/whole` });
    const checks = uncancelled.checks();
    // A check per agent at least: a cancel never waits for the whole workspace to be read.
    expect(checks).toBeGreaterThan(AGENTS);
    for (let at = 1; at <= checks; at++) {
      const { ctx } = recording(ws, at);
      await expect(runWorkspaceExport(ctx, { format, workspaceName: 'Acme', toolVersion: '1.0.0', target: `${dir}/export` }), `cancel at check ${at}`).rejects.toMatchObject({ code: 'cancelled' });
      expect(filesLeft(dir), `cancel at check ${at}`).toEqual([]);
    }
  });
});
