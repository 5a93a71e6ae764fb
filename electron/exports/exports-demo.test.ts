import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_ITEMS, type TriageRow } from '../../shared/checklist';
import type { ExportedFile, ExportFormatInfo } from '../../shared/contract';
import { resourcesDir } from '../resources-dir';
import { demoEngineForTests } from '../triage/demo-engine';
import { exportThroughJob } from './test-export';
import { cycloneDxSchemaValidator, sarifSchemaValidator } from './test-schema-validators';

interface SarifRun {
  tool: { driver: { name: string; rules: Array<{ id: string; defaultConfiguration: { level: string } }> } };
  originalUriBaseIds: Record<string, { uri?: string; uriBaseId?: string; description?: { text: string } }>;
  results: Array<{ ruleId: string; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }>; partialFingerprints: Record<string, string>; properties: { agentId: string; tier: string } }>;
  properties: { unlocated: Array<{ agentId: string; agentName: string; ruleIds: string[] }> };
}

/** The exports of the demo engagement after the first hour's joins: real scans, IAM and usage behind every line. */
describe('exports of the demo workspace', () => {
  const { ids, call, dispatch } = demoEngineForTests('atw-exports-demo-');
  const text = (file: ExportedFile) => Buffer.from(file.contentBase64, 'base64').toString('utf8');
  const exportFile = (format: string) => exportThroughJob((method, input) => call(method, input), format);
  const exported = async (format: string) => JSON.parse(text(await exportFile(format))) as Record<string, unknown>;

  beforeAll(async () => {
    // Join the scanned code the consultant would join in the first hour: the forecaster's LangGraph
    // service (a locked package with an advisory), the disputes service (outside content driving
    // refunds) and a Claude Desktop configuration with MCP servers, confirmed as an agent of its own.
    const { candidates } = await call<{ candidates: Array<{ identityKey: string; name: string }> }>('listCandidates', { decision: 'pending' });
    const key = (name: string) => candidates.find((c) => c.name === name)!.identityKey;
    await call('mergeCandidate', { identityKey: key('treasury-cash-forecaster'), agentId: ids['Treasury Cash Forecaster']! });
    await call('mergeCandidate', { identityKey: key('disputes-agent'), agentId: ids['Dispute Resolution Assistant']! });
    await call('confirmCandidate', { identityKey: key('Claude Desktop') });
  }, 120_000);

  it('lists its formats: SARIF, CycloneDX and workspace JSON, each saying who uses it', async () => {
    const formats = await call<ExportFormatInfo[]>('exportFormats', {});
    expect(formats.map((f) => f.id)).toEqual(['sarif', 'cyclonedx', 'manifest', 'json', 'registry-csv', 'registry-xlsx']);
    for (const f of formats) expect(f.audience.length).toBeGreaterThan(20);
  });

  it('writes SARIF that the 2.1.0 schema accepts, named after the workspace', async () => {
    const file = await exportFile('sarif');
    expect(file.fileName).toMatch(/^demo-findings-\d{4}-\d{2}-\d{2}\.sarif$/);
    expect(file.mimeType).toBe('application/sarif+json');
    const check = sarifSchemaValidator()(JSON.parse(text(file)));
    expect(check.errors).toEqual([]);
    expect(check.valid).toBe(true);
  });

  it('has one SARIF result per failing item the triage overview counts, or names the agent as seen in no file', async () => {
    const run = ((await exported('sarif')) as { runs: SarifRun[] }).runs[0]!;
    const overview = await call<TriageRow[]>('triageOverview', {});
    const checklistResults = run.results.filter((r) => r.ruleId.includes('.') && r.ruleId !== 'exposure.untrusted-irreversible');
    const expected = new Map<string, number>();
    const unlocatedAgents = new Set(run.properties.unlocated.map((u) => u.agentId));
    for (const row of overview) {
      if (unlocatedAgents.has(row.agentId)) continue;
      for (const key of row.failing) expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const actual = new Map<string, number>();
    for (const r of checklistResults) actual.set(r.ruleId, (actual.get(r.ruleId) ?? 0) + 1);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    // Every failing item of every agent is either a result or counted as unlocated: none is lost.
    const unlocatedItems = run.properties.unlocated.flatMap((u) => u.ruleIds.filter((id) => id.includes('.') && id !== 'exposure.untrusted-irreversible'));
    expect(checklistResults.length + unlocatedItems.length).toBe(overview.reduce((n, r) => n + r.failing.length, 0));
    // The agents known only from the registry are the unlocated ones; the scanned ones have results.
    expect(run.properties.unlocated.map((u) => u.agentName)).toContain('Chargeback Evidence Collector');
    expect(unlocatedAgents.has(ids['Collections Reminder Bot']!)).toBe(false);
  });

  it('places SARIF results in real files of the demo code, at the evidence line, under the scanned folder they came from', async () => {
    const run = ((await exported('sarif')) as { runs: SarifRun[] }).runs[0]!;
    expect(run.results.length).toBeGreaterThan(10);
    // The folder the demo's repositories were scanned in, which the file never names: %SRCROOT% here.
    const sourceRoot = join(resourcesDir(), 'demo', 'source');
    for (const r of run.results) {
      expect(r.locations).toHaveLength(1);
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      const base = run.originalUriBaseIds[artifactLocation.uriBaseId];
      expect(base, `${r.ruleId} base ${artifactLocation.uriBaseId}`).toMatchObject({ uriBaseId: '%SRCROOT%' });
      expect(existsSync(join(sourceRoot, decodeURI(base!.uri!), decodeURI(artifactLocation.uri))), `${artifactLocation.uriBaseId}/${artifactLocation.uri}`).toBe(true);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
    }
    const sendgrid = run.results.find((r) => r.ruleId === 'h48.irreversible-reviewed' && r.properties.agentId === ids['Collections Reminder Bot']);
    expect(sendgrid?.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'src/workers/collections-reminders.ts', uriBaseId: 'support-tools' }, region: { startLine: 67 } });
    expect(sendgrid?.level).toBe('error');
  });

  it('writes SARIF that names no folder of this machine, with locations GitHub code scanning reads as paths in the repository analysed', async () => {
    const content = text(await exportFile('sarif'));
    const sourceRoot = join(resourcesDir(), 'demo', 'source');
    expect(content).not.toContain('file:');
    expect(content).not.toContain(sourceRoot);
    expect(content).not.toContain(resourcesDir());
    const run = (JSON.parse(content) as { runs: SarifRun[] }).runs[0]!;
    // SARIF 2.1.0 §3.14.14: a base with no uri is one the producer did not record; every other base is relative to it.
    expect(run.originalUriBaseIds['%SRCROOT%']).toEqual({ description: { text: expect.stringMatching(/folder/) } });
    for (const [id, base] of Object.entries(run.originalUriBaseIds).filter(([id]) => id !== '%SRCROOT%')) {
      expect(base, id).toEqual({ uri: `${id}/`, uriBaseId: '%SRCROOT%', description: { text: `Scanned folder ${id}` } });
    }
    // GitHub code scanning reads a relative uri as a path from the root of the repository analysed, whatever its uriBaseId:
    // each uri must be that path (no scheme, not absolute, no way out of the checkout) and name a file there.
    for (const r of run.results) {
      const { artifactLocation } = r.locations[0]!.physicalLocation;
      expect(artifactLocation.uri).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/|(^|\/)\.\.(\/|$)/i);
      expect(existsSync(join(sourceRoot, artifactLocation.uriBaseId, decodeURI(artifactLocation.uri))), artifactLocation.uri).toBe(true);
    }
    expect(sarifSchemaValidator()(JSON.parse(content)).errors).toEqual([]);
  });

  it('gives SARIF rules for every checklist item, the advisory the forecaster locks, and the worst combination the disputes agent has', async () => {
    const run = ((await exported('sarif')) as { runs: SarifRun[] }).runs[0]!;
    const rules = run.tool.driver.rules.map((r) => r.id);
    expect(rules).toEqual(expect.arrayContaining(['registry.owner', 'h48.no-shell', 'd90.cost-per-unit', 'exposure.untrusted-irreversible', 'GHSA-wwqv-p2pp-99h5']));
    expect(run.tool.driver.name).toBe('Agent Triage Workstation');
    const advisory = run.results.find((r) => r.ruleId === 'GHSA-wwqv-p2pp-99h5');
    expect(advisory?.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'requirements.txt', uriBaseId: 'treasury-forecast' });
    expect(advisory?.message.text).toContain('CVE-2025-64439');
    const worst = run.results.find((r) => r.ruleId === 'exposure.untrusted-irreversible');
    expect(worst?.properties.agentId).toBe(ids['Dispute Resolution Assistant']);
    expect(worst?.properties.tier).toMatch(/^P[0-3]$/);
  });

  it('keeps SARIF fingerprints stable from one export to the next', async () => {
    const first = ((await exported('sarif')) as { runs: SarifRun[] }).runs[0]!.results.map((r) => r.partialFingerprints);
    const second = ((await exported('sarif')) as { runs: SarifRun[] }).runs[0]!.results.map((r) => r.partialFingerprints);
    expect(second).toEqual(first);
    expect(new Set(first.map((f) => Object.values(f)[0])).size).toBe(first.length);
  });

  it('writes a CycloneDX 1.6 bill of materials that the schema accepts', async () => {
    const file = await exportFile('cyclonedx');
    expect(file.fileName).toMatch(/^demo-aibom-\d{4}-\d{2}-\d{2}\.cdx\.json$/);
    const check = cycloneDxSchemaValidator()(JSON.parse(text(file)));
    expect(check.errors).toEqual([]);
  });

  it('lists the demo agents, the models they call, the MCP servers, the locked packages and the advisory in the bill of materials', async () => {
    const bom = (await exported('cyclonedx')) as {
      components: Array<{ type: string; name: string; 'bom-ref': string; purl?: string }>;
      services: Array<{ name: string; group?: string; 'bom-ref': string }>;
      dependencies: Array<{ ref: string; dependsOn: string[] }>;
      vulnerabilities: Array<{ id: string; affects: Array<{ ref: string }>; references: Array<{ id: string }> }>;
    };
    const names = (type: string) => bom.components.filter((c) => c.type === type).map((c) => c.name);
    expect(names('application')).toEqual(expect.arrayContaining(['Collections Reminder Bot', 'Treasury Cash Forecaster', 'Claude Desktop']));
    expect(names('machine-learning-model')).toEqual(expect.arrayContaining(['gpt-4o-mini', 'claude-sonnet-4-5', 'gpt-4.1-mini']));
    expect(names('framework')).toEqual(expect.arrayContaining(['langgraph', 'vercel-ai', 'openai-agents']));
    expect(bom.components.find((c) => c.name === 'langgraph-checkpoint')?.purl).toBe('pkg:pypi/langgraph-checkpoint@2.0.9');
    // Every server of the Claude Desktop configuration, including the docs search no capability rule speaks of.
    expect(bom.services.filter((s) => s.group === 'mcp-server').map((s) => s.name)).toEqual(expect.arrayContaining(['work-files', 'docs-search']));
    const vulnerability = bom.vulnerabilities.find((v) => v.id === 'GHSA-wwqv-p2pp-99h5');
    expect(vulnerability?.affects).toEqual([{ ref: 'pkg:pypi/langgraph-checkpoint@2.0.9' }]);
    expect(vulnerability?.references.map((r) => r.id)).toContain('CVE-2025-64439');
    const forecaster = bom.dependencies.find((d) => d.ref === `agent:${ids['Treasury Cash Forecaster']}`);
    expect(forecaster?.dependsOn).toEqual(expect.arrayContaining(['framework:langgraph', 'pkg:pypi/langgraph-checkpoint@2.0.9']));
    const refs = new Set([...bom.components, ...bom.services].map((c) => c['bom-ref']).concat('workspace'));
    for (const d of bom.dependencies) for (const r of [d.ref, ...d.dependsOn]) expect(refs.has(r), r).toBe(true);
  });

  it('writes the workspace JSON byte for byte the same twice, but for the export time', async () => {
    await call('markReviewed', { agentId: ids['Collections Reminder Bot']!, note: 'walked through with the owner' });
    const first = text(await exportFile('json'));
    const second = text(await exportFile(' JSON '));
    const withoutTime = (s: string) => s.replace(/"exportedAt": "[^"]+"/, '"exportedAt": ""');
    expect(withoutTime(second)).toBe(withoutTime(first));
    const doc = JSON.parse(first) as { formatVersion: number; agents: Array<{ name: string; dossier: { agent: { name: string } }; triage: { checklist: unknown[]; failing: string[] }; review: { reviewCount: number; lastReview: unknown } }>; plan: unknown; usage: { total: unknown } };
    expect(doc.formatVersion).toBe(1);
    const overview = await call<TriageRow[]>('triageOverview', {});
    const names = doc.agents.map((a) => a.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toHaveLength(overview.length);
    for (const agent of doc.agents) {
      expect(agent.triage.checklist).toHaveLength(CHECKLIST_ITEMS.length);
      expect(agent.triage.failing).toEqual(overview.find((r) => r.name === agent.name)!.failing);
    }
    expect(doc.agents.find((a) => a.name === 'Collections Reminder Bot')!.review).toMatchObject({ reviewCount: 1, lastReview: { note: 'walked through with the owner' } });
    expect(doc.plan).toBeDefined();
    expect(doc.usage.total).toBeDefined();
  });

  it('refuses a format it does not know, naming the ones it does', async () => {
    const result = await dispatch('startWorkspaceExport', { format: 'spdx' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported-format', message: 'There is no "spdx" export; the formats are sarif, cyclonedx, manifest, json, registry-csv, registry-xlsx.' } });
    const empty = await dispatch('startWorkspaceExport', { format: '' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
  it('leaves unknown verdicts out of SARIF, but not an item a person attested not done; an item marked not applicable stays, suppressed with the note', async () => {
    const bot = ids['Collections Reminder Bot']!;
    const resultsOf = async () => ((await exported('sarif')) as { runs: Array<{ results: Array<SarifRun['results'][number] & { suppressions?: unknown[] }> }> }).runs[0]!.results.filter((r) => r.properties.agentId === bot);
    const before = await resultsOf();
    const logging = (await call<{ checklist: Array<{ key: string; verdict: string }> }>('agentChecklist', { agentId: bot })).checklist.find((r) => r.key === 'h48.execution-logging')!;
    expect(logging.verdict).toBe('unknown');
    expect(before.map((r) => r.ruleId)).not.toContain('h48.execution-logging');

    await call('attestChecklistItem', { agentId: bot, key: 'h48.execution-logging', status: 'not-done', note: 'no logs kept yet' });
    await call('attestChecklistItem', { agentId: bot, key: 'd60.output-classifier', status: 'not-applicable', note: 'reminder emails are templated, never model-written' });
    const after = await resultsOf();
    expect(after.find((r) => r.ruleId === 'h48.execution-logging')?.message.text).toContain('A person attested it not done: no logs kept yet.');
    expect(after.find((r) => r.ruleId === 'd60.output-classifier')?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'reminder emails are templated, never model-written' }]);
    expect(after).toHaveLength(before.length + 1);
    expect(sarifSchemaValidator()(await exported('sarif')).errors).toEqual([]);
  });
});
