import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateAwsOrganisation } from '../../bench/generate-iam-org';
import type { ImportPreview } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import { createAgent } from '../agents/agents-repository';
import { workspaceDigest } from '../fuzz/workspace-snapshot';
import { credentialLinkDecisions, dataSourceDecisions, decideCredentialLink, decideDataSource } from '../iam/iam-repository';
import { cancelledError, inlineJobContext, type JobContext } from '../jobs/job-context';
import { tempDir } from '../store/test-workspace';
import { createWorkspaceFile, type Workspace } from '../store/workspace-file';
import { runImport, type ImportFileInput } from './run-import';

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../iam/${path}`, import.meta.url)), 'utf8');
const AWS = fixture('aws/fixtures/authorization-details.json');
const AWS_REPORT = fixture('aws/fixtures/credential-report.csv');
const GCP_POLICY = fixture('gcp/fixtures/project-iam-policy.json');
const AZURE = fixture('azure/fixtures/role-assignments.json');
const K8S = fixture('kubernetes/fixtures/rbac-list.json');
const ACCOUNT = '111122223333';
const alice = { actor: 'alice', via: 'ui' };

const upload = (fileName: string, text: string): ImportFileInput => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') });

interface Recorded {
  ctx: JobContext;
  offers: unknown[];
  progress: string[];
}

/** A job context that records offers and progress; `cancelAfter` makes the Nth throwIfCancelled call (and later ones) cancel. */
function context(ws: Workspace, options: { cancelAfter?: number; onCancelCheck?: () => void } = {}): Recorded & { cancelChecks: () => number; cancelledInTransaction: () => boolean } {
  const offers: unknown[] = [];
  const progress: string[] = [];
  let checks = 0;
  let inTransaction = false;
  const ctx: JobContext = {
    ...inlineJobContext(ws, alice),
    progress: (_done, _total, message) => progress.push(message),
    throwIfCancelled: () => {
      checks++;
      options.onCancelCheck?.();
      if (options.cancelAfter !== undefined && checks >= options.cancelAfter) {
        inTransaction ||= ws.db.inTransaction;
        throw cancelledError();
      }
    },
    offer: async (value) => {
      offers.push(value);
      return { skipRows: {} };
    },
  };
  return { ctx, offers, progress, cancelChecks: () => checks, cancelledInTransaction: () => inTransaction };
}

const count = (ws: Workspace, table: string, where = '1 = 1', ...params: unknown[]) => (ws.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get(...params) as { n: number }).n;

async function refusal(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

/** The fixture account without one role, as a later export after the role was deleted. */
function awsWithoutRole(roleName: string): string {
  const json = JSON.parse(AWS) as { RoleDetailList: Array<{ RoleName: string }> };
  json.RoleDetailList = json.RoleDetailList.filter((r) => r.RoleName !== roleName);
  return JSON.stringify(json);
}

describe('the import pipeline on a real workspace', () => {
  let tmp: ReturnType<typeof tempDir>;
  let ws: Workspace;
  beforeEach(() => {
    tmp = tempDir('atw-run-import-');
    ws = createWorkspaceFile(tmp.file('w.atw'));
  });
  afterEach(() => {
    ws.close();
    tmp.cleanup();
  });

  it('re-importing the same source replaces its facts and keeps the decisions people made', async () => {
    const [first] = (await runImport(context(ws).ctx, { files: [upload('aws.json', AWS)], mode: 'apply', skipRows: {} })).value;
    const breakglass = `arn:aws:iam::${ACCOUNT}:role/admin-breakglass`;
    expect(count(ws, 'iam_principals', 'key = ?', breakglass)).toBe(1);
    const dataSource = (ws.db.prepare('SELECT key FROM data_sources ORDER BY key LIMIT 1').get() as { key: string }).key;
    decideDataSource(ws.db, dataSource, { sensitivity: 'restricted', environment: 'prod' }, alice);
    const agentId = createAgent(ws.db, { name: 'support-agent' }, alice);
    decideCredentialLink(ws.db, agentId, `arn:aws:iam::${ACCOUNT}:role/service-role/support-agent`, 'linked', 'runs as this role', alice);
    decideCredentialLink(ws.db, agentId, breakglass, 'unlinked', 'not this one', alice);
    const decisionsBefore = [dataSourceDecisions(ws.db), credentialLinkDecisions(ws.db, agentId)];

    const [second] = (await runImport(context(ws).ctx, { files: [upload('aws-later.json', awsWithoutRole('admin-breakglass'))], mode: 'apply', skipRows: {} })).value;

    // One import of the account remains: the new one; every fact of the old one went with it.
    expect(count(ws, 'imports')).toBe(1);
    expect(second!.id).not.toBe(first!.id);
    for (const table of ['iam_principals', 'iam_memberships', 'iam_trusts', 'data_sources', 'iam_grants', 'iam_principal_risks']) expect(count(ws, table, 'import_id = ?', first!.id), table).toBe(0);
    expect(count(ws, 'iam_principals', 'key = ?', breakglass)).toBe(0);
    // The provenance counts are what is in the tables.
    expect(second!.counts.principals).toBe(count(ws, 'iam_principals', 'import_id = ?', second!.id));
    expect(second!.counts.grants).toBe(count(ws, 'iam_grants', 'import_id = ?', second!.id));
    expect(second!.counts.roles).toBe(3);
    expect(first!.counts.roles).toBe(4);
    // Decisions are keyed by the facts' names, not by import: all survive, even the one about the deleted role.
    expect([dataSourceDecisions(ws.db), credentialLinkDecisions(ws.db, agentId)]).toEqual(decisionsBefore);
    expect(count(ws, 'data_source_decisions')).toBe(1);
    expect(count(ws, 'credential_link_decisions')).toBe(2);
  });

  it('a different source (another format of the same account) is added, not replaced', async () => {
    await runImport(context(ws).ctx, { files: [upload('aws.json', AWS)], mode: 'apply', skipRows: {} });
    await runImport(context(ws).ctx, { files: [upload('report.csv', AWS_REPORT)], mode: 'apply', skipRows: {} });
    expect(count(ws, 'imports')).toBe(2);
  });

  it('two files where the second is invalid write nothing at all', async () => {
    await runImport(context(ws).ctx, { files: [upload('k8s.json', K8S)], mode: 'apply', skipRows: {} });
    const before = workspaceDigest(ws.db);
    const broken = AWS.slice(0, Math.floor(AWS.length / 2));
    const error = await refusal(runImport(context(ws).ctx, { files: [upload('gcp.json', GCP_POLICY), upload('aws-cut.json', broken)], mode: 'apply', skipRows: {} }));
    expect(error.code).not.toBe('internal');
    expect(error.message).toContain('aws-cut.json');
    expect(workspaceDigest(ws.db)).toBe(before);

    const wrongType = JSON.parse(AZURE) as Array<Record<string, unknown>>;
    wrongType[1]!.principalId = { nested: true };
    const second = await refusal(runImport(context(ws).ctx, { files: [upload('aws.json', AWS), upload('azure.json', JSON.stringify(wrongType))], mode: 'apply', skipRows: {} }));
    expect(second.message).toMatch(/^azure\.json: \[1\]\.principalId: expected text/);
    expect(workspaceDigest(ws.db)).toBe(before);
  });

  it('a cancel at any point, during apply included, leaves the workspace as it was', async () => {
    await runImport(context(ws).ctx, { files: [upload('aws.json', awsWithoutRole('ci-deployer'))], mode: 'apply', skipRows: {} });
    const before = workspaceDigest(ws.db);
    const files = [upload('aws.json', AWS), upload('k8s.json', K8S), upload('report.csv', AWS_REPORT)];
    // How many cancel checks a whole import makes; then cancel at each of them in turn.
    const probe = tempDir('atw-run-import-probe-');
    const probeWs = createWorkspaceFile(probe.file('p.atw'));
    const counting = context(probeWs);
    await runImport(counting.ctx, { files, mode: 'apply', skipRows: {} });
    probeWs.close();
    probe.cleanup();
    const checks = counting.cancelChecks();
    expect(checks).toBeGreaterThan(5);
    let insideTransaction = 0;
    for (let n = 1; n <= checks; n++) {
      const cancelling = context(ws, { cancelAfter: n });
      const error = await refusal(runImport(cancelling.ctx, { files, mode: 'apply', skipRows: {} }));
      expect(error.code, `cancel at check ${n}`).toBe('cancelled');
      expect(workspaceDigest(ws.db), `cancel at check ${n}`).toBe(before);
      if (cancelling.cancelledInTransaction()) insideTransaction++;
    }
    // Most checks are inside the one write transaction (storeIamFacts and after each file's apply).
    expect(insideTransaction).toBeGreaterThan(3);
  });

  it('records provenance: file, hash, format, provider, scope, actor, via and counts, and an audit entry naming what it replaced', async () => {
    const [first] = (await runImport(context(ws).ctx, { files: [upload('aws.json', AWS)], mode: 'apply', skipRows: {} })).value;
    const row = ws.db.prepare('SELECT * FROM imports WHERE id = ?').get(first!.id) as Record<string, string | number | null>;
    expect(row).toMatchObject({
      file_name: 'aws.json',
      sha256: first!.sha256,
      format: 'aws-authorization-details',
      provider: 'aws',
      scope: ACCOUNT,
      actor: 'alice',
      via: 'ui',
      source_key: `aws-authorization-details:${ACCOUNT}`,
    });
    expect(first!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(String(row.counts))).toMatchObject({ users: 2, groups: expect.any(Number), roles: 4, principals: expect.any(Number), grants: expect.any(Number) });

    const [second] = (await runImport(context(ws).ctx, { files: [upload('aws-june.json', AWS)], mode: 'apply', skipRows: {} })).value;
    const audit = ws.db.prepare(`SELECT * FROM audit_log WHERE entity = 'import' ORDER BY id`).all() as Array<Record<string, string>>;
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ entity_id: String(first!.id), before: null, actor: 'alice', via: 'ui' });
    expect(audit[0]!.after).toContain('aws.json');
    expect(audit[1]).toMatchObject({ entity_id: String(second!.id), actor: 'alice' });
    expect(audit[1]!.before).toContain(`aws.json imported ${first!.importedAt} by alice (#${first!.id})`);
    expect(audit[1]!.after).toContain(`AWS IAM authorization details aws-june.json (${ACCOUNT}), sha256 ${first!.sha256.slice(0, 12)}`);
  });

  it('preview offers per-file previews (format, scope, counts, per-file errors) and writes nothing before the go-ahead', async () => {
    await runImport(context(ws).ctx, { files: [upload('aws.json', AWS)], mode: 'apply', skipRows: {} });
    const before = workspaceDigest(ws.db);
    const recorded = context(ws);
    const files = [upload('aws.json', AWS), upload('gcp.json', GCP_POLICY), upload('notes.json', '{"owner":"dana","tickets":[1,2]}')];
    const error = await refusal(runImport(recorded.ctx, { files, mode: 'preview', skipRows: {} }));
    expect(recorded.offers).toHaveLength(1);
    const previews = recorded.offers[0] as ImportPreview[];
    expect(previews.map((p) => [p.fileName, p.format, p.formatLabel, p.provider, p.scope])).toEqual([
      ['aws.json', 'aws-authorization-details', 'AWS IAM authorization details', 'aws', ACCOUNT],
      ['gcp.json', 'gcp-iam-policy', 'GCP project IAM policy', 'gcp', expect.any(String)],
      ['notes.json', null, 'Unknown format', null, ''],
    ]);
    expect(previews[0]!.counts.roles).toBe(4);
    expect(previews[0]!.errors).toEqual([]);
    expect(previews[0]!.replaces?.fileName).toBe('aws.json');
    expect(previews[1]!.errors).toEqual([]);
    expect(previews[1]!.replaces).toBeNull();
    expect(previews[2]!.errors).toHaveLength(1);
    expect(previews[2]!.errors[0]!.message).toContain('notes.json is not a file this app imports');
    expect(previews[2]!.refusal?.code).toBe('unsupported-format');
    // Going ahead with a file that cannot be imported refuses the whole set, by its name.
    expect(error.message).toContain('notes.json');
    expect(workspaceDigest(ws.db)).toBe(before);

    // Without the bad file the go-ahead applies both.
    const ok = context(ws);
    const records = (await runImport(ok.ctx, { files: files.slice(0, 2), mode: 'preview', skipRows: {} })).value;
    expect(ok.offers).toHaveLength(1);
    expect(records.map((r) => r.format)).toEqual(['aws-authorization-details', 'gcp-iam-policy']);
  });

  it('detects wrong-provider files by their content, and names what it expects of an unknown JSON', async () => {
    const records = (
      await runImport(context(ws).ctx, {
        files: [upload('aws.json', GCP_POLICY), upload('kubernetes-rbac.json', AZURE), upload('azure.json', K8S), upload('gcp-policy.csv', AWS_REPORT)],
        mode: 'apply',
        skipRows: {},
      })
    ).value;
    expect(records.map((r) => [r.fileName, r.format, r.provider])).toEqual([
      ['aws.json', 'gcp-iam-policy', 'gcp'],
      ['kubernetes-rbac.json', 'azure-role-assignments', 'azure'],
      ['azure.json', 'kubernetes-rbac', 'kubernetes'],
      ['gcp-policy.csv', 'aws-credential-report', 'aws'],
    ]);
    const before = workspaceDigest(ws.db);
    const unknown = await refusal(runImport(context(ws).ctx, { files: [upload('aws.json', '{"Users":[],"Roles":[{"Name":"x"}]}')], mode: 'apply', skipRows: {} }));
    expect(unknown.code).toBe('unsupported-format');
    expect(unknown.message).toMatch(/^aws\.json is not a file this app imports \(it is JSON with the fields "Users", "Roles"\)\. Expected one of: /);
    for (const expected of ['AWS authorization details', 'GCP IAM policy', 'Azure role assignments', 'Kubernetes RBAC']) expect(unknown.message).toContain(expected);
    const list = await refusal(runImport(context(ws).ctx, { files: [upload('rbac.json', '[{"apiVersion":"v1"}]')], mode: 'apply', skipRows: {} }));
    expect(list.message).toContain('rbac.json is not a file this app imports (it is a JSON list of 1 items of no known shape)');
    expect(workspaceDigest(ws.db)).toBe(before);
  });

  it('reads a file given by path with progress; a missing path is refused by name', async () => {
    const path = tmp.file('auth-details.json');
    writeFileSync(path, AWS);
    const recorded = context(ws);
    const [record] = (await runImport(recorded.ctx, { files: [{ fileName: 'auth-details.json', path }], mode: 'apply', skipRows: {} })).value;
    expect(record!.fileName).toBe('auth-details.json');
    expect(recorded.progress.some((m) => m.startsWith('Reading auth-details.json: 0 of 0 MB'))).toBe(true);
    const missing = await refusal(runImport(context(ws).ctx, { files: [{ fileName: 'gone.json', path: tmp.file('gone.json') }], mode: 'apply', skipRows: {} }));
    expect(missing.code).toBe('not-found');
    expect(missing.message).toContain('gone.json');
  });
});

describe('a large export given by path', () => {
  // ~20 MB here; bench/import-size-bench.ts does the same at 200 MB with time and peak RSS.
  it('is read in chunks with progress, imported, and a cancel mid-way leaves nothing written', async () => {
    const tmp = tempDir('atw-run-import-large-');
    const ws = createWorkspaceFile(tmp.file('w.atw'));
    try {
      const org = generateAwsOrganisation({ roles: 400, statements: 1_600, dataSources: 160, seed: 11 });
      // Pretty-printed as `aws iam get-account-authorization-details > file` saves it, then padded like an editor's indentation.
      const pretty = JSON.stringify(JSON.parse(org.json), null, 4);
      const text = `${pretty}${' '.repeat(Math.max(0, 20 * 1024 * 1024 - pretty.length))}\n`;
      const path = tmp.file('org.json');
      writeFileSync(path, text);

      const before = workspaceDigest(ws.db);
      // Cancel once reading has started (the second chunk): nothing is written.
      const cancelling = context(ws);
      let reads = 0;
      cancelling.ctx.progress = (_d, _t, message) => {
        if (message.startsWith('Reading org.json:')) reads++;
      };
      cancelling.ctx.throwIfCancelled = () => {
        if (reads >= 1) throw cancelledError();
      };
      expect((await refusal(runImport(cancelling.ctx, { files: [{ fileName: 'org.json', path }], mode: 'apply', skipRows: {} }))).code).toBe('cancelled');
      expect(workspaceDigest(ws.db)).toBe(before);

      const recorded = context(ws);
      const [record] = (await runImport(recorded.ctx, { files: [{ fileName: 'org.json', path }], mode: 'apply', skipRows: {} })).value;
      const reading = recorded.progress.filter((m) => m.startsWith('Reading org.json:'));
      expect(reading.length).toBeGreaterThanOrEqual(3);
      expect(reading.at(-1)).toBe('Reading org.json: 20 of 20 MB');
      expect(record!.counts.roles).toBe(400);
      expect(record!.counts.principals).toBe((ws.db.prepare('SELECT COUNT(*) AS n FROM iam_principals').get() as { n: number }).n);
    } finally {
      ws.close();
      tmp.cleanup();
    }
  }, 60_000);
});
