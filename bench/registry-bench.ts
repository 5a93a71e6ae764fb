import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENT_STATUSES, TRIGGER_KINDS, type AgentDraft } from '../shared/agent';
import { AgentListQuery } from '../shared/contract';
import { runImport } from '../electron/imports/run-import';
import { inlineJobContext } from '../electron/jobs/job-context';
import { appendAudit } from '../electron/store/audit-log';
import { createAgent, listAgents } from '../electron/agents/agents-repository';
import { createWorkspaceFile, openWorkspaceFile } from '../electron/store/workspace-file';
import { buildCli, describeRuns, timeCliProcess } from './cli-process';
import { fmt, medianMs, row } from './stats';

const AGENTS = 10_000;
const RUNS = 5;

function syntheticAgent(i: number): AgentDraft {
  return {
    name: `agent-${String(i).padStart(5, '0')} ${['refund', 'kyc', 'recon', 'support', 'fraud'][i % 5]}`,
    status: AGENT_STATUSES[i % 4]!,
    trigger: { kind: TRIGGER_KINDS[i % 4]!, schedule: i % 4 === 0 ? '0 6 * * *' : null },
    dataAccess: [{ source: `db-${i % 50}.table_${i % 7}`, access: i % 3 === 0 ? ('write' as const) : ('read' as const) }],
    credentials: [`KEY_${i % 300}`],
    owner: i % 6 === 0 ? null : { name: `Person ${i % 400}`, email: `person${i % 400}@corp.example` },
    lastReviewed: i % 5 === 0 ? null : `2026-0${1 + (i % 9)}-1${i % 10}`,
    rollback: { procedure: i % 4 === 0 ? null : 'Disable the trigger and revert from the audit trail.', lastRehearsed: null },
    description: `Synthetic agent ${i} for the registry benchmark`,
    vendor: i % 10 === 0 ? 'Vendor Co' : 'internal',
    environment: i % 3 === 0 ? 'production' : 'staging',
  };
}

export function csvOf(count: number): string {
  const header = 'name,status,trigger,schedule,data_access,credentials,owner_name,owner_email,last_reviewed,rollback_procedure,description,vendor,environment';
  const lines = [header];
  for (let i = 0; i < count; i++) {
    const a = syntheticAgent(i);
    lines.push(
      [a.name, a.status, a.trigger!.kind, a.trigger!.schedule ?? '', `${a.dataAccess![0]!.source}:${a.dataAccess![0]!.access}`, a.credentials![0], a.owner?.name ?? '', a.owner?.email ?? '', a.lastReviewed ?? '', a.rollback!.procedure ?? '', a.description, a.vendor, a.environment].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export async function registryBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'atw-bench-'));
  try {
    console.log(`\nRegistry (${AGENTS.toLocaleString()} agents), median of ${RUNS} runs`);
    const path = join(dir, 'big.atw');
    const ws = createWorkspaceFile(path);
    ws.db.transaction(() => {
      const ids: string[] = [];
      for (let i = 0; i < AGENTS; i++) ids.push(createAgent(ws.db, syntheticAgent(i), { actor: 'bench', via: 'bench' }));
      // A history of nine later edits per agent: the 100,000 audit rows.
      for (const [i, id] of ids.entries()) {
        appendAudit(
          ws.db,
          { actor: `person-${i % 40}`, via: 'ui' },
          Array.from({ length: 9 }, (_, k) => ({ entity: 'agent' as const, entityId: id, field: ['owner', 'status', 'lastReviewed'][k % 3]!, before: `old ${k}`, after: `new ${k}` })),
        );
      }
    })();
    const auditRows = (ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    ws.close();
    row('audit rows in the workspace', auditRows.toLocaleString());

    const openAndList = await medianMs(RUNS, () => {
      const w = openWorkspaceFile(path);
      const list = listAgents(w.db, AgentListQuery.parse({}));
      if (list.total !== AGENTS) throw new Error('wrong count');
      w.close();
    });
    row('open workspace (integrity check) + list all agents', fmt(openAndList), '< 300 ms');

    const w = openWorkspaceFile(path);
    const textFilter = await medianMs(RUNS, () => listAgents(w.db, AgentListQuery.parse({ text: 'kyc' })));
    row('filter: text "kyc" (2,000 matches)', fmt(textFilter), '< 30 ms');
    const combined = await medianMs(RUNS, () => listAgents(w.db, AgentListQuery.parse({ statuses: ['confirmed'], triggers: ['webhook'], owner: 'Person 5' })));
    row('filter: status + trigger + owner', fmt(combined), '< 30 ms');
    const flagged = await medianMs(RUNS, () => listAgents(w.db, AgentListQuery.parse({ flags: ['no-rollback'], sort: 'completeness', direction: 'desc' })));
    row('filter: flag no-rollback, sorted by completeness', fmt(flagged), '< 30 ms');
    w.close();

    // Registry CSV import against sqlite3's own .import of the same file.
    const csvPath = join(dir, 'registry-10k.csv');
    const csv = csvOf(AGENTS);
    writeFileSync(csvPath, csv);
    const contentBase64 = Buffer.from(csv).toString('base64');
    let n = 0;
    const ours = await medianMs(RUNS, async () => {
      const target = join(dir, `import-${n++}.atw`);
      const t = createWorkspaceFile(target);
      const result = await runImport(inlineJobContext(t, { actor: 'bench', via: 'bench' }), { files: [{ fileName: 'registry-10k.csv', contentBase64 }], mode: 'apply', skipRows: {} });
      if (result.value[0]?.counts.created !== AGENTS) throw new Error('the import did not create every row');
      t.close();
    });
    row('our registry import of 10,000 CSV rows (parse, validate, plan, write, audit)', fmt(ours));
    if (existsSync('/usr/bin/sqlite3')) {
      let m = 0;
      const reference = await medianMs(RUNS, () => {
        const target = join(dir, `sqlite-${m++}.db`);
        execFileSync('sqlite3', [target, '.mode csv', `.import ${csvPath} agents`]);
      });
      row('sqlite3 CLI .import of the same CSV (reference)', fmt(reference));
      row('ratio ours / sqlite3', `${(ours / reference).toFixed(2)}x`, '<= 3x');
    } else {
      row('sqlite3 CLI not installed (apt-get install sqlite3): no reference figure', '-');
    }
    cliImportAgainstSqlite3(dir, csvPath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Tables the import writes to; the reference inserts the same rows into each. */
const IMPORTED_TABLES = ['agents', 'agent_data_access', 'agent_credentials', 'imports', 'audit_log'] as const;

/**
 * `agent-triage import` of the 10,000-row CSV into a new workspace, as a whole process (start-up,
 * read, validate, plan, write, audit, exit), against the honest reference: sqlite3 as a whole
 * process writing exactly the rows our import wrote, as INSERTs in one transaction, into a new
 * workspace file with the app's schema and the app's connection settings.
 */
function cliImportAgainstSqlite3(dir: string, csvPath: string): void {
  buildCli();
  const env = { ...process.env, AGENT_TRIAGE_HOME: join(dir, 'cli-home') };
  let n = 0;
  const target = () => join(dir, `cli-import-${n}.atw`);
  // A few rows: what a person importing a short sheet waits for is start-up and module loading.
  const smallCsv = join(dir, 'registry-10.csv');
  writeFileSync(smallCsv, csvOf(10));
  const small = timeCliProcess(RUNS, () => ['import', smallCsv, '--workspace', target(), '--json'], env, () => n++);
  row('agent-triage import of a 10-row CSV, whole process: wall (cpu) / RSS', describeRuns(small));
  // Just over 2 MiB: on the CLI's thread since import-placement.ts (it used to pay a job worker).
  const overTwoMib = join(dir, 'registry-9700.csv');
  writeFileSync(overTwoMib, csvOf(9_700));
  const mid = timeCliProcess(RUNS, () => ['import', overTwoMib, '--workspace', target(), '--json'], env, () => n++);
  row(`agent-triage import of a ${(statSync(overTwoMib).size / 1_048_576).toFixed(2)} MiB CSV (9,700 rows): wall (cpu) / RSS`, describeRuns(mid));
  const ours = timeCliProcess(RUNS, () => ['import', csvPath, '--workspace', target(), '--json'], env, () => n++);
  const result = JSON.parse(ours.last.stdout) as { value: { imports: Array<{ counts: Record<string, number> }> } };
  if (result.value.imports[0]?.counts.created !== AGENTS) throw new Error('the CLI import did not create every row');
  row('agent-triage import of the same CSV, whole process: wall (cpu) / RSS', describeRuns(ours), '< 800 ms');
  if (!existsSync('/usr/bin/sqlite3')) return;

  // The rows the CLI import wrote, as INSERT statements, with the pragmas our connection sets.
  const dump = IMPORTED_TABLES.map((table) => execFileSync('sqlite3', [target(), `.mode insert ${table}`, `SELECT * FROM ${table}`], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })).join('');
  const sql = `PRAGMA foreign_keys = ON;\nPRAGMA synchronous = NORMAL;\nPRAGMA secure_delete = ON;\nBEGIN IMMEDIATE;\n${dump}COMMIT;\n`;
  let m = 0;
  const referenceTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const fresh = join(dir, `sqlite3-import-${m++}.atw`);
    createWorkspaceFile(fresh).close();
    const start = performance.now();
    execFileSync('sqlite3', [fresh], { input: sql });
    referenceTimes.push(performance.now() - start);
  }
  const reference = referenceTimes.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  const rows = (sql.match(/^INSERT /gm) ?? []).length;
  row(`sqlite3 inserting the same ${rows.toLocaleString()} rows, whole process (reference)`, fmt(reference));
  row('ratio agent-triage import / sqlite3', `${(ours.medianMs / reference).toFixed(2)}x`, '<= 2x');
}
