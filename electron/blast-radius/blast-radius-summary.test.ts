import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { generateAwsOrganisation } from '../../bench/generate-iam-org';
import type { BlastRadiusSummary } from '../../shared/contract';
import { createAgent } from '../agents/agents-repository';
import { buildDemoWorkspace } from '../demo/demo-workspace';
import { runImport } from '../imports/run-import';
import { inlineJobContext } from '../jobs/job-context';
import { resourcesDir } from '../resources-dir';
import { tempDir } from '../store/test-workspace';
import { createWorkspaceFile, openWorkspaceFile, type Workspace } from '../store/workspace-file';
import { writeTransaction } from '../store/write-transaction';
import { blastRadiusOf } from './blast-radius';
import { blastRadiusSummaryOf } from './blast-radius-summaries';

let tmp: ReturnType<typeof tempDir> | undefined;
let ws: Workspace | undefined;
afterEach(() => {
  ws?.close();
  ws = undefined;
  tmp?.cleanup();
  tmp = undefined;
});

/** What the agent card shows, read off the full blast radius: its paths come sorted worst first. */
function summaryOfFullRadius(workspace: Workspace, agentId: string): BlastRadiusSummary {
  const radius = blastRadiusOf(workspace.db, agentId);
  return {
    dataSources: new Set(radius.paths.map((p) => p.dataSourceKey)).size,
    bySensitivity: radius.summary,
    worstPaths: radius.paths.slice(0, 5),
    riskClasses: [...new Set(radius.paths.flatMap((p) => p.riskClasses))],
    gaps: radius.gaps,
  };
}

function agentIds(workspace: Workspace): string[] {
  return workspace.db.prepare<[], { id: string }>('SELECT id FROM agents ORDER BY id').all().map((r) => r.id);
}

describe('the blast radius summary of the triage overview', () => {
  it('is what the full blast radius shows, for every agent of a generated organisation with wildcard grants and role chains', async () => {
    tmp = tempDir('atw-summary-');
    ws = createWorkspaceFile(tmp.file('w.atw'));
    const org = generateAwsOrganisation({ roles: 200, statements: 800, dataSources: 120, seed: 7 });
    writeFileSync(tmp.file('org.json'), org.json);
    await runImport(inlineJobContext(ws, { actor: 'test', via: 'test' }), { files: [{ fileName: 'org-authorization-details.json', path: tmp.file('org.json') }], mode: 'apply', skipRows: {} });
    const roleNames = org.roleArns.map((arn) => arn.split('/').at(-1)!);
    const db = ws.db;
    writeTransaction(db, () => {
      // Every role held by one agent; some agents hold two roles, one holds none (its gap).
      roleNames.forEach((role, i) => createAgent(db, { name: `agent-${i % 37}`, credentials: [`IAM role ${role}`, ...(i % 5 === 0 ? [`IAM role ${roleNames[(i * 7 + 3) % roleNames.length]}`] : [])] }, { actor: 'test', via: 'test' }));
      createAgent(db, { name: 'no-identity', credentials: [] }, { actor: 'test', via: 'test' });
      // Two administrator roles (the generator gives every 33rd role of 200 AdministratorAccess): each
      // worst path ties with the other credential's, and the order between them must hold.
      createAgent(db, { name: 'two-admins', credentials: [`IAM role ${roleNames[32]}`, `IAM role ${roleNames[65]}`] }, { actor: 'test', via: 'test' });
    });
    const ids = agentIds(ws);
    const summaries = ids.map((id) => blastRadiusSummaryOf(db, id));
    const twoAdmins = summaries[ids.indexOf(db.prepare<[], { id: string }>("SELECT id FROM agents WHERE name = 'two-admins'").get()!.id)]!;
    expect(new Set(twoAdmins.worstPaths.map((p) => p.credential)).size).toBe(2);
    // The organisation is dense enough to exercise ties, risks and gaps.
    expect(summaries.some((s) => s.dataSources > 50)).toBe(true);
    expect(summaries.some((s) => s.riskClasses.length > 1)).toBe(true);
    expect(summaries.some((s) => s.gaps.length > 0)).toBe(true);
    ids.forEach((id, i) => expect(summaries[i], id).toEqual(summaryOfFullRadius(ws!, id)));
  });

  it('is what the full blast radius shows, for every agent of the demo engagement', async () => {
    tmp = tempDir('atw-summary-demo-');
    await buildDemoWorkspace(tmp.file('demo.atw'), resourcesDir());
    ws = openWorkspaceFile(tmp.file('demo.atw'));
    const ids = agentIds(ws);
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.some((id) => blastRadiusSummaryOf(ws!.db, id).worstPaths.length === 5)).toBe(true);
    for (const id of ids) expect(blastRadiusSummaryOf(ws.db, id), id).toEqual(summaryOfFullRadius(ws, id));
  });
});
