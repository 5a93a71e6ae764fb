import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import type { ImportPreview } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import { isEmptyManifestDiff, type AgentManifest } from '../../shared/manifest';
import { createAgent } from '../agents/agents-repository';
import { blastRadiusOf } from '../blast-radius/blast-radius';
import { buildDemoWorkspace } from '../demo/demo-workspace';
import { workspaceDigest } from '../fuzz/workspace-snapshot';
import { runImport } from '../imports/run-import';
import { inlineJobContext } from '../jobs/job-context';
import { resourcesDir } from '../resources-dir';
import { tempDir } from '../store/test-workspace';
import { createWorkspaceFile, openWorkspaceFile, type Workspace } from '../store/workspace-file';
import { diffManifests } from './diff-manifest';
import { manifestToYaml, parseManifestYaml } from './manifest-yaml';
import { workspaceManifest } from './workspace-manifest';
import { writeManifest } from './write-manifest';

const alice = { actor: 'alice', via: 'ui' };
const upload = (fileName: string, text: string) => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') });

async function preview(ws: Workspace, fileName: string, text: string): Promise<ImportPreview> {
  const ctx = inlineJobContext(ws, alice);
  let offered: ImportPreview[] = [];
  ctx.offer = async (value) => {
    offered = value as ImportPreview[];
    throw new BackendError('cancelled', 'previewed only');
  };
  await runImport(ctx, { files: [upload(fileName, text)], mode: 'preview', skipRows: {} }).catch((err: unknown) => {
    if (!(err instanceof BackendError) || err.code !== 'cancelled') throw err;
  });
  return offered[0]!;
}

async function importManifest(ws: Workspace, fileName: string, text: string) {
  return (await runImport(inlineJobContext(ws, alice), { files: [upload(fileName, text)], mode: 'apply', skipRows: {} })).value;
}

async function refusal(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof BackendError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** Edits one agent of the YAML text as a person would in their editor: the rest of the file is kept as it was. */
function editAgent(text: string, name: string, edit: (agent: Record<string, unknown>) => void): string {
  const doc = parseDocument(text);
  const manifest = doc.toJS() as AgentManifest;
  const index = manifest.agents.findIndex((a) => a.name === name);
  const agent = manifest.agents[index]! as unknown as Record<string, unknown>;
  edit(agent);
  doc.setIn(['agents', index], doc.createNode(agent));
  return doc.toString({ lineWidth: 0 });
}

describe('the agents manifest of the demo engagement', () => {
  const tmp = tempDir('atw-manifest-demo-');
  let ws: Workspace;
  beforeAll(async () => {
    await buildDemoWorkspace(tmp.file('demo.atw'), resourcesDir());
    ws = openWorkspaceFile(tmp.file('demo.atw'));
  }, 120_000);
  afterAll(() => {
    ws.close();
    tmp.cleanup();
  });

  it('says what it is and how to regenerate it, lists every agent with what was reviewed, and is the same file every time', () => {
    const text = writeManifest(ws.db);
    expect(text.startsWith('# Agents manifest: access as code')).toBe(true);
    expect(text).toContain('agent-triage export --workspace W --format manifest');
    expect(text).toContain('apiVersion: agent-triage/v1\nkind: AgentManifest\n');
    expect(writeManifest(ws.db)).toBe(text);
    const manifest = parseManifestYaml('demo.yaml', text);
    const agents = ws.db.prepare('SELECT COUNT(*) AS n FROM agents').get() as { n: number };
    expect(manifest.agents).toHaveLength(agents.n);
    const names = manifest.agents.map((a) => a.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    // The demo's facts reach the file: some agent reaches data with write access, calls an endpoint, holds credentials and has a budget.
    expect(manifest.agents.some((a) => a.dataAccess.some((d) => d.access === 'write'))).toBe(true);
    expect(manifest.agents.some((a) => a.endpoints.length > 0)).toBe(true);
    expect(manifest.agents.some((a) => a.credentials.some((c) => c.kind !== 'registry'))).toBe(true);
    expect(manifest.agents.some((a) => a.budget.dailyCostCapUsd !== null || a.budget.dailyTokenCap !== null)).toBe(true);
    expect(manifest.agents.some((a) => a.irreversibleActions.length > 0)).toBe(true);
  });

  it('lists every data source an agent reaches with the highest access of its blast radius', () => {
    const manifest = workspaceManifest(ws.db);
    let compared = 0;
    for (const agent of manifest.agents) {
      const highest = new Map<string, string>();
      for (const p of blastRadiusOf(ws.db, agent.id).paths) {
        const write = p.access === 'write' || p.access === 'permissions-management';
        highest.set(p.dataSourceKey, write || highest.get(p.dataSourceKey) === 'write' ? 'write' : 'read');
      }
      expect(Object.fromEntries(agent.dataAccess.map((d) => [d.dataSource, d.access])), agent.name).toEqual(Object.fromEntries(highest));
      compared += highest.size;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('never carries a secret value: hard-coded secrets appear only as their redacted preview', () => {
    const manifest = workspaceManifest(ws.db);
    const secrets = ws.db.prepare(`SELECT value FROM workspace_meta WHERE key LIKE '%secret%'`).all() as Array<{ value: string }>;
    const text = manifestToYaml(manifest);
    for (const s of secrets) expect(text).not.toContain(s.value);
    expect(text).not.toMatch(/sk-(proj-)?[A-Za-z0-9]{20,}/);
  });

  it('round trip: exported, imported back, no difference and nothing written but the provenance record', async () => {
    const text = writeManifest(ws.db);
    const shown = await preview(ws, 'agents.yaml', text);
    expect(shown.format).toBe('agent-manifest');
    expect(shown.errors).toEqual([]);
    expect(isEmptyManifestDiff(shown.manifest!)).toBe(true);
    expect(shown.manifest!.unchanged).toBe(workspaceManifest(ws.db).agents.length);
    const auditBefore = (ws.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'agent'`).get() as { n: number }).n;
    const [record] = await importManifest(ws, 'agents.yaml', text);
    expect(record!.counts).toMatchObject({ updated: 0, owner: 0 });
    expect((ws.db.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'agent'`).get() as { n: number }).n).toBe(auditBefore);
    expect(writeManifest(ws.db)).toBe(text);
  });

  it('one owner changed in the file: the diff shows exactly that field, importing applies it, audited as the person', async () => {
    const text = writeManifest(ws.db);
    const target = workspaceManifest(ws.db).agents.find((a) => a.owner !== null)!;
    const edited = editAgent(text, target.name, (a) => (a.owner = { name: 'Priya Raman', email: 'priya.raman@example.com' }));
    const shown = await preview(ws, 'agents.yaml', edited);
    expect(shown.manifest!.changed).toEqual([
      {
        agentId: target.id,
        name: target.name,
        changes: [{ field: 'owner', item: null, workspace: `${target.owner!.name}${target.owner!.email ? ` <${target.owner!.email}>` : ''}`, manifest: 'Priya Raman <priya.raman@example.com>', applies: true }],
      },
    ]);
    expect(shown.manifest!.applicable).toBe(1);
    await importManifest(ws, 'agents.yaml', edited);
    const owner = ws.db.prepare('SELECT owner_name, owner_email FROM agents WHERE id = ?').get(target.id);
    expect(owner).toEqual({ owner_name: 'Priya Raman', owner_email: 'priya.raman@example.com' });
    const audit = ws.db.prepare(`SELECT actor, via, field, after FROM audit_log WHERE entity = 'agent' AND entity_id = ? ORDER BY id DESC LIMIT 1`).get(target.id);
    expect(audit).toMatchObject({ actor: 'alice', via: 'ui', field: 'owner' });
    // Now the workspace says what the file says.
    expect(isEmptyManifestDiff(diffManifests(workspaceManifest(ws.db), parseManifestYaml('agents.yaml', edited)))).toBe(true);
  });

  it('observations only diff: an endpoint and a credential removed from the file are shown, not applied', async () => {
    const before = workspaceManifest(ws.db);
    const target = before.agents.find((a) => a.endpoints.length > 0 && a.credentials.length > 0)!;
    const edited = editAgent(writeManifest(ws.db), target.name, (a) => {
      (a.endpoints as unknown[]).shift();
      (a.credentials as unknown[]).shift();
    });
    const diff = diffManifests(before, parseManifestYaml('agents.yaml', edited));
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]!.changes.map((c) => [c.field, c.manifest, c.applies])).toEqual([
      ['credentials', null, false],
      ['endpoints', null, false],
    ]);
    const digest = workspaceDigest(ws.db);
    const [record] = await importManifest(ws, 'agents.yaml', edited);
    expect(record!.counts.updated).toBe(0);
    // Only the provenance of the import was written.
    expect(workspaceManifest(ws.db)).toEqual(before);
    expect(workspaceDigest(ws.db)).not.toBe(digest);
  });

  it('trigger, budget and an attested review step apply; each audited', async () => {
    const before = workspaceManifest(ws.db);
    const target = before.agents.find((a) => a.review.status === 'unreviewed')!;
    const edited = editAgent(writeManifest(ws.db), target.name, (a) => {
      a.trigger = { kind: 'cron', schedule: '0 6 * * *' };
      a.budget = { dailyTokenCap: 2_000_000, dailyCostCapUsd: 25 };
      a.review = { status: 'attested', note: 'refunds over $50 go to the payments queue' };
    });
    await importManifest(ws, 'agents.yaml', edited);
    const after = workspaceManifest(ws.db).agents.find((a) => a.id === target.id)!;
    expect(after.trigger).toEqual({ kind: 'cron', schedule: '0 6 * * *' });
    expect(after.budget).toEqual({ dailyTokenCap: 2_000_000, dailyCostCapUsd: 25 });
    expect(after.review).toEqual({ status: 'attested', note: 'refunds over $50 go to the payments queue' });
    const fields = (ws.db.prepare(`SELECT field FROM audit_log WHERE entity = 'agent' AND entity_id = ? AND actor = 'alice'`).all(target.id) as Array<{ field: string }>).map((r) => r.field);
    expect(fields).toEqual(expect.arrayContaining(['trigger', 'daily budget', 'checklist: Irreversible actions reviewed']));
  });
});

describe('the agents manifest of an empty workspace', () => {
  it('round trips with no agents and no difference', async () => {
    const tmp = tempDir('atw-manifest-empty-');
    const ws = createWorkspaceFile(tmp.file('empty.atw'));
    try {
      const text = writeManifest(ws.db);
      expect(text).toContain('agents: []');
      const manifest = parseManifestYaml('empty.yaml', text);
      expect(manifest).toEqual({ apiVersion: 'agent-triage/v1', kind: 'AgentManifest', agents: [], unconfirmed: [] });
      const shown = await preview(ws, 'empty.yaml', text);
      expect(isEmptyManifestDiff(shown.manifest!)).toBe(true);
      await importManifest(ws, 'empty.yaml', text);
      expect(writeManifest(ws.db)).toBe(text);
    } finally {
      ws.close();
      tmp.cleanup();
    }
  });
});

describe('a manifest that cannot be imported', () => {
  const tmp = tempDir('atw-manifest-bad-');
  let ws: Workspace;
  let good: string;
  beforeAll(() => {
    ws = createWorkspaceFile(tmp.file('w.atw'));
    createAgent(ws.db, { name: 'Invoice Agent', owner: { name: 'Dana Cole', email: 'dana@example.com' } }, alice);
    createAgent(ws.db, { name: 'Support Agent' }, alice);
    good = writeManifest(ws.db);
  });
  afterAll(() => {
    ws.close();
    tmp.cleanup();
  });

  async function refused(text: string): Promise<string> {
    const before = workspaceDigest(ws.db);
    const error = await refusal(importManifest(ws, 'agents.yaml', text));
    expect(error.code).not.toBe('internal');
    expect(error.message).toContain('agents.yaml');
    expect(workspaceDigest(ws.db)).toBe(before);
    return error.message;
  }

  it('malformed YAML is refused with the line', async () => {
    const broken = good.replace('kind: AgentManifest', 'kind: AgentManifest\nagents: [unclosed');
    expect(await refused(broken)).toMatch(/is not valid YAML at line \d+, column \d+/);
  });

  it('a wrong apiVersion is refused by name', async () => {
    expect(await refused(good.replace('agent-triage/v1', 'agent-triage/v9'))).toContain('has apiVersion "agent-triage/v9", which this version of the app does not read; it reads agent-triage/v1');
  });

  it('a field of the wrong type is refused at its line and path', async () => {
    const message = await refused(good.replace(/dailyTokenCap: null/, 'dailyTokenCap: lots'));
    expect(message).toMatch(/at line \d+, column \d+ \(agents\[0\]\.budget\.dailyTokenCap\)/);
  });

  it('the same agent id twice is refused', async () => {
    const manifest = parseManifestYaml('agents.yaml', good);
    const doubled = manifestToYaml({ ...manifest, agents: [manifest.agents[0]!, { ...manifest.agents[1]!, id: manifest.agents[0]!.id }] });
    expect(await refused(doubled)).toContain('twice (agents[0] and agents[1]');
  });

  it('a manifest of agents this workspace does not have is refused; one unknown agent among known ones is a warning and is not created', async () => {
    const manifest = parseManifestYaml('agents.yaml', good);
    const foreign = manifestToYaml({ ...manifest, agents: manifest.agents.map((a, i) => ({ ...a, id: `other-${i}`, name: `Other ${i}` })) });
    expect(await refused(foreign)).toContain('None of the 2 agents in agents.yaml is in this workspace');
    const oneUnknown = manifestToYaml({ ...manifest, agents: [...manifest.agents, { ...manifest.agents[0]!, id: 'ghost', name: 'Ghost Agent' }] });
    const shown = await preview(ws, 'agents.yaml', oneUnknown);
    expect(shown.manifest!.onlyInManifest).toEqual([{ id: 'ghost', name: 'Ghost Agent' }]);
    expect(shown.warnings[0]!.message).toContain('Ghost Agent is not in this workspace');
    await importManifest(ws, 'agents.yaml', oneUnknown);
    expect((ws.db.prepare('SELECT COUNT(*) AS n FROM agents').get() as { n: number }).n).toBe(2);
  });

  it('an alias bomb (billion laughs) is refused without expanding it', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`);
    }
    const bomb = `apiVersion: agent-triage/v1\nkind: AgentManifest\n${levels.join('\n')}\nagents: []\n`;
    expect(await refused(bomb)).toContain('looks like an alias bomb');
  });

  it('a file over 256 MB is refused before parsing', async () => {
    const huge = `${good}\n# ${'x'.repeat(257 * 1024 * 1024)}\n`;
    expect(await refused(huge)).toContain('over the 256 MB a manifest may be');
  }, 60_000);

  it('YAML that is not a mapping, unknown fields and custom tags are refused', async () => {
    expect(await refused('apiVersion: agent-triage/v1\n---\n- kind\n')).toContain('agents.yaml');
    expect(await refused(good.replace('kind: AgentManifest', 'kind: AgentManifest\nsecretField: 1'))).toMatch(/Unrecognized key|unrecognized key/i);
    expect(await refused(good.replace('agents:', 'extra: !!js/function "function () {}"\nagents:'))).toContain('agents.yaml');
  });
});
