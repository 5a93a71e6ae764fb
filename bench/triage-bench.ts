import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAgent } from '../electron/agents/agents-repository';
import { runImport } from '../electron/imports/run-import';
import { inlineJobContext } from '../electron/jobs/job-context';
import { createWorkspaceFile } from '../electron/store/workspace-file';
import { writeTransaction } from '../electron/store/write-transaction';
import { agentTriage, triageOverview } from '../electron/triage/triage-handlers';
import { LITELLM_COLUMNS } from './generate-usage-logs';
import { fmt, medianMs, row } from './stats';

const AGENTS = 2_000;
const CALLS = 200_000;

/**
 * `npm run bench triage`: 2,000 registry agents (owners, credentials, data access, some reviewed)
 * with 200,000 tagged LLM calls among them: every checklist and risk score evaluated (the
 * overview), and one agent's checklist and risk (its profile). No code scan or IAM import: those
 * facts would add to both figures.
 */
export async function triageBench(): Promise<void> {
  console.log(`\nTriage: ${AGENTS.toLocaleString('en-US')} agents, ${CALLS.toLocaleString('en-US')} LLM calls`);
  const dir = mkdtempSync(join(tmpdir(), 'atw-triage-bench-'));
  try {
    const ws = createWorkspaceFile(join(dir, 'w.atw'));
    const ids: string[] = [];
    writeTransaction(ws.db, () => {
      for (let i = 0; i < AGENTS; i++) {
        ids.push(
          createAgent(
            ws.db,
            {
              name: `agent-${i.toString().padStart(4, '0')}`,
              status: 'confirmed',
              trigger: { kind: i % 3 === 0 ? 'cron' : 'webhook', schedule: i % 3 === 0 ? '0 * * * *' : '/hook' },
              owner: i % 4 === 0 ? null : { name: i % 5 === 0 ? 'Platform Team' : `Person ${i}`, email: '' },
              credentials: [`OPENAI_API_KEY (key_${i.toString(36)})`],
              dataAccess: i % 2 === 0 ? [{ source: `db-${i % 50}`, access: i % 4 === 0 ? 'write' : 'read' }] : [],
              lastReviewed: i % 3 === 0 ? '2026-11-01' : null,
            },
            { actor: 'bench', via: 'bench' },
          ),
        );
      }
    });
    const lines = [LITELLM_COLUMNS.join(',')];
    const start = Date.UTC(2026, 10, 1);
    for (let c = 0; c < CALLS; c++) {
      const agent = `agent-${(c % AGENTS).toString().padStart(4, '0')}`;
      const at = new Date(start + Math.floor((c / CALLS) * 30 * 86_400_000)).toISOString();
      lines.push(`req-${c},acompletion,k${c % 300},0.001,300,200,100,${at},${at},${at},gpt-4o-mini,gpt-4o-mini,gpt-4o-mini,openai,,u,"{""spend_logs_metadata"":{""agent_id"":""${agent}""}}",False,,[],team,,,s${c},success`);
    }
    writeFileSync(join(dir, 'spend.csv'), `${lines.join('\n')}\n`);
    await runImport(inlineJobContext(ws, { actor: 'bench', via: 'bench' }), { files: [{ fileName: 'spend.csv', path: join(dir, 'spend.csv') }], mode: 'apply', skipRows: {} });
    const none = () => [];
    const first = await medianMs(1, () => triageOverview(ws.db, none));
    row('overview, first call (every checklist and risk score)', fmt(first), '< 1 s');
    row('overview, median of 3', fmt(await medianMs(3, () => triageOverview(ws.db, none))), '< 1 s');
    row('one agent: checklist and risk, median of 20', fmt(await medianMs(20, () => agentTriage(ws.db, ids[Math.floor(ids.length / 2)]!, none))), '< 100 ms');
    ws.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
