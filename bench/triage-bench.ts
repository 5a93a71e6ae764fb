import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DiscoveredAgent, ScanCounters } from '../shared/discovery';
import { createAgent, updateAgent } from '../electron/agents/agents-repository';
import { mergeCandidate, replaceScanFacts, scanSourceFor } from '../electron/discovery/discovery-repository';
import { runImport } from '../electron/imports/run-import';
import { inlineJobContext } from '../electron/jobs/job-context';
import { createWorkspaceFile, openWorkspaceFile, type Workspace } from '../electron/store/workspace-file';
import { writeTransaction } from '../electron/store/write-transaction';
import { EXPORT_FORMATS, NO_EXPORT_STEPS } from '../electron/exports/formats';
import { writeManifest } from '../electron/manifest/write-manifest';
import { agentTriage, triageOverview } from '../electron/triage/triage-handlers';
import { FULL_IAM_ORG, generateAwsOrganisation } from './generate-iam-org';
import { LITELLM_COLUMNS } from './generate-usage-logs';
import { fmt, medianMs, row } from './stats';

const AGENTS = 2_000;
const CALLS = 200_000;

const evidence = (path: string, line: number, ruleId: string) => ({ path, line, snippet: '', ruleId, confidence: 0.9 });

/** A scanned unit joined to agent i, with the facts a real scan gives: LLM use, tools, capabilities, credentials, endpoints, guardrails, outside inputs, packages. */
function scannedUnit(i: number): DiscoveredAgent {
  const path = `agents/agent_${i}/main.py`;
  return {
    identityKey: `bench:code-entry-point:${path}`,
    name: `agent_${i}`,
    unit: { kind: 'code-entry-point', name: `agent_${i}`, path },
    entryPoints: [path],
    codeFiles: [path, `agents/agent_${i}/tools.py`],
    classification: 'agent',
    confidence: 0.9,
    trigger: { kind: 'cron', schedule: '0 * * * *', description: 'Every hour', evidence: null },
    llm: [{ provider: 'openai', sdk: 'openai.OpenAI', models: ['gpt-4o-mini'], evidence: evidence(path, 3, 'llm.openai') }],
    frameworks: [{ framework: 'langgraph', evidence: evidence(path, 1, 'framework.langgraph') }],
    tools: [{ name: 'refund', capabilities: ['payment'], evidence: evidence(`agents/agent_${i}/tools.py`, 10, 'tool.decorator') }],
    capabilities: [
      ...(i % 3 === 0 ? [{ kind: 'shell-exec' as const, detail: 'subprocess.run', tool: null, evidence: evidence(path, 20, 'capability.subprocess') }] : []),
      { kind: 'data-write', detail: 'INSERT INTO refunds', tool: 'refund', evidence: evidence(`agents/agent_${i}/tools.py`, 14, 'capability.sql-write') },
      ...(i % 2 === 0 ? [{ kind: 'external-communication' as const, detail: 'smtplib.SMTP.send_message', tool: null, evidence: evidence(path, 30, 'capability.smtp') }] : []),
    ],
    credentials: [{ kind: 'env-var', name: 'OPENAI_API_KEY', provider: 'openai', fingerprint: null, preview: null, evidence: evidence(path, 2, 'credential.env') }],
    endpoints: [{ host: 'api.openai.com', purpose: 'inference', evidence: evidence(path, 3, 'endpoint.openai') }],
    guardrails: i % 4 === 0 ? [{ kind: 'human-approval', detail: 'interrupt()', evidence: evidence(path, 40, 'guardrail.interrupt') }] : [],
    untrustedInputs: i % 5 === 0 ? [{ kind: 'email', detail: 'imaplib.IMAP4_SSL().fetch', tool: null, evidence: evidence(path, 50, 'untrusted.imap') }] : [],
    packages: [{ ecosystem: 'PyPI', name: 'langgraph', version: '0.2.0', lockfile: `agents/agent_${i}/requirements.txt` }],
  };
}

/**
 * A workspace as an engagement ends up: `agents` registry agents (owners, credentials, data
 * access, some reviewed), each with a scanned unit joined to it, then the cloud export (an IAM
 * role of a generated organisation as each agent's credential; its import works out what every
 * agent can reach) and `calls` tagged LLM calls among them. The triage and report benches both
 * measure this one; `iam` says what the IAM import step took and its last progress message.
 */
export async function buildTriagedWorkspace(dir: string, agents: number, calls: number): Promise<{ ws: Workspace; ids: string[]; iam: { ms: number; reachMessage: string } }> {
  const ws = createWorkspaceFile(join(dir, 'w.atw'));
  const org = generateAwsOrganisation(FULL_IAM_ORG);
  writeFileSync(join(dir, 'org.json'), org.json);
  const roleNames = org.roleArns.map((arn) => arn.split('/').at(-1)!);
  const ids: string[] = [];
  writeTransaction(ws.db, () => {
    for (let i = 0; i < agents; i++) {
      ids.push(
        createAgent(
          ws.db,
          {
            name: `agent-${i.toString().padStart(4, '0')}`,
            status: 'confirmed',
            trigger: { kind: i % 3 === 0 ? 'cron' : 'webhook', schedule: i % 3 === 0 ? '0 * * * *' : '/hook' },
            owner: i % 4 === 0 ? null : { name: i % 5 === 0 ? 'Platform Team' : `Person ${i}`, email: '' },
            credentials: [`OPENAI_API_KEY (key_${i.toString(36)})`, `IAM role ${roleNames[(i * 7) % roleNames.length]}`],
            dataAccess: i % 2 === 0 ? [{ source: `db-${i % 50}`, access: i % 4 === 0 ? 'write' : 'read' }] : [],
            lastReviewed: i % 3 === 0 ? '2026-11-01' : null,
          },
          { actor: 'bench', via: 'bench' },
        ),
      );
    }
  });
  writeTransaction(ws.db, () => {
    const author = { actor: 'bench', via: 'bench' };
    const units = ids.map((_, i) => scannedUnit(i));
    replaceScanFacts(ws.db, scanSourceFor(ws.db, '/bench/agents'), { startedAt: new Date().toISOString(), actor: 'bench', counters: {} as ScanCounters, warnings: [] }, units);
    units.forEach((unit, i) => mergeCandidate(ws.db, unit.identityKey, ids[i]!, author, () => []));
  });
  // The cloud export comes after the inventory, as in an engagement: its import works out what
  // every agent can reach (the import job shows that step's progress and can cancel it).
  let reachMessage = '';
  const importOrg = performance.now();
  await runImport({ ...inlineJobContext(ws, { actor: 'bench', via: 'bench' }), progress: (_d, _t, message) => void (reachMessage = message) }, { files: [{ fileName: 'org-authorization-details.json', path: join(dir, 'org.json') }], mode: 'apply', skipRows: {} });
  const iam = { ms: performance.now() - importOrg, reachMessage };
  const lines = [LITELLM_COLUMNS.join(',')];
  const start = Date.UTC(2026, 10, 1);
  for (let c = 0; c < calls; c++) {
    const agent = `agent-${(c % agents).toString().padStart(4, '0')}`;
    const at = new Date(start + Math.floor((c / calls) * 30 * 86_400_000)).toISOString();
    lines.push(`req-${c},acompletion,k${c % 300},0.001,300,200,100,${at},${at},${at},gpt-4o-mini,gpt-4o-mini,gpt-4o-mini,openai,,u,"{""spend_logs_metadata"":{""agent_id"":""${agent}""}}",False,,[],team,,,s${c},success`);
  }
  writeFileSync(join(dir, 'spend.csv'), `${lines.join('\n')}\n`);
  await runImport(inlineJobContext(ws, { actor: 'bench', via: 'bench' }), { files: [{ fileName: 'spend.csv', path: join(dir, 'spend.csv') }], mode: 'apply', skipRows: {} });
  return { ws, ids, iam };
}

/**
 * `npm run bench triage`: 2,000 registry agents (owners, credentials, data access, some reviewed),
 * each with a scanned unit joined to it and an IAM role of a 5,000-role organisation as its
 * credential, and 200,000 tagged LLM calls among them: every checklist and risk score evaluated
 * (the overview), and one agent's checklist and risk (its profile).
 */
export async function triageBench(): Promise<void> {
  console.log(`\nTriage: ${AGENTS.toLocaleString('en-US')} agents with scanned code and IAM roles (${FULL_IAM_ORG.roles.toLocaleString('en-US')}-role organisation), ${CALLS.toLocaleString('en-US')} LLM calls`);
  const dir = mkdtempSync(join(tmpdir(), 'atw-triage-bench-'));
  try {
    const { ws, ids, iam } = await buildTriagedWorkspace(dir, AGENTS, CALLS);
    row(`IAM import, then ${iam.reachMessage.replace(/^Working out /, '').replace(/:.*of /, ' for ')}`, fmt(iam.ms));
    const none = () => [];
    row('overview, first call after the imports (attributes usage, loads the identity graph)', fmt(await medianMs(1, () => triageOverview(ws.db, none))), '< 1 s');
    const restarted = openWorkspaceFile(join(dir, 'w.atw'));
    row('overview, first call on a new connection (the app restarted, the CLI)', fmt(await medianMs(1, () => triageOverview(restarted.db, none))), '< 1 s');
    restarted.close();
    const cold = openWorkspaceFile(join(dir, 'w.atw'));
    cold.db.exec('DELETE FROM blast_radius_summaries');
    row('overview with no reach kept (every agent walked in the call; for comparison)', fmt(await medianMs(1, () => triageOverview(cold.db, none))));
    cold.close();
    row('overview, median of 5 (every checklist and risk score)', fmt(await medianMs(5, () => triageOverview(ws.db, none))), '< 1 s');
    let edits = 0;
    const afterEdit = await medianMs(3, () => {
      // A registry edit rebuilds the identity snapshot; only the edited agent is walked again.
      updateAgent(ws.db, ids[edits % ids.length]!, { owner: { name: `Edited Owner ${edits++}`, email: '' } }, { actor: 'bench', via: 'bench' });
      return triageOverview(ws.db, none);
    });
    row('overview after editing one agent, median of 3', fmt(afterEdit), '< 1 s');
    // Every agent here holds a role of an organisation where most roles reach most tables: the worst case of the manifest's size.
    let manifest = '';
    const exportMs = await medianMs(1, () => (manifest = writeManifest(ws.db)));
    row(`agents manifest of every agent (YAML export, ${(Buffer.byteLength(manifest) / 1_048_576).toFixed(1)} MB)`, fmt(exportMs), '< 10 s');
    manifest = '';
    row('one agent: checklist and risk, median of 20', fmt(await medianMs(20, () => agentTriage(ws.db, ids[Math.floor(ids.length / 2)]!, none))), '< 100 ms');
    // The exports read the same dossiers and triage once per file; the plan (in JSON) reconciles its tasks first.
    const source = { db: ws.db, advisories: none, workspaceName: 'bench', author: { actor: 'bench', via: 'bench' }, now: new Date(), toolVersion: '0.0.0-bench', steps: NO_EXPORT_STEPS };
    for (const format of EXPORT_FORMATS) {
      let bytes = 0;
      const ms = await medianMs(1, async () => {
        const content = await format.render(source);
        bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
      });
      row(`export ${format.id} (${(bytes / 1e6).toFixed(1)} MB)`, fmt(ms), '< 10 s');
    }
    ws.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
