import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resourcesDir } from '../resources-dir';
import { tempDir } from '../store/test-workspace';
import { runCli } from './run-cli';
import { captureIo, type CliJsonDocument } from './test-io';

describe('agent-triage import, blast-radius, who-can-reach and principals', () => {
  let tmp: ReturnType<typeof tempDir>;
  let cli: (argv: string[]) => Promise<{ code: number; stdout: string; stderr: string; json: () => CliJsonDocument }>;

  beforeEach(() => {
    tmp = tempDir('atw-cli-iam-');
    cpSync(join(resourcesDir(), 'demo', 'iam'), tmp.file('iam'), { recursive: true });
    // The registry names the role the way consultants write it; the link comes from those words.
    writeFileSync(tmp.file('agents.csv'), 'Name,Credentials,Owner\nKYC Document Reviewer,IAM role kyc-reviewer-lambda,Ana Lima <ana@example.com>\nNo Cloud Bot,OPENAI_API_KEY,Ana Lima <ana@example.com>\n');
    cli = async (argv) => {
      const out = captureIo({ env: { AGENT_TRIAGE_HOME: tmp.file('home') }, cwd: tmp.dir });
      const code = await runCli(argv, out.io);
      return { code, stdout: out.stdout(), stderr: out.stderr(), json: out.json };
    };
  });
  afterEach(() => tmp.cleanup());

  it('imports every format from content in one go and prints counts per kind to check against the console', async () => {
    const run = await cli(['import', 'agents.csv', 'iam/aws-prod-authorization-details.json', 'iam/aws-prod-credential-report.csv', 'iam/kubernetes-rbac.json', '--workspace', 'w.atw']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Imported 4 files/);
    expect(run.stdout).toMatch(/aws-prod-authorization-details\.json\s+AWS IAM authorization details\s+604917283345\s+6 users, 3 groups, 13 roles, 11 policies/);
    expect(run.stdout).toMatch(/kubernetes-rbac\.json\s+Kubernetes RBAC/);
    expect(run.stdout).toMatch(/agents\.csv\s+Agent registry \(CSV\)\s+-\s+2 rows/);

    const again = await cli(['import', 'iam/aws-prod-authorization-details.json', '--workspace', 'w.atw', '--dry-run', '--json']);
    expect(again.code).toBe(0);
    const preview = (again.json() as unknown as { value: { files: Array<{ format: string; replaces: { fileName: string } | null }> } }).value.files[0]!;
    expect(preview).toMatchObject({ format: 'aws-authorization-details', replaces: { fileName: 'aws-prod-authorization-details.json' } });
  });

  it('refuses a file of no known format, naming it and what was expected, and writes nothing', async () => {
    writeFileSync(tmp.file('export.json'), JSON.stringify({ foo: 1, bar: [] }));
    const run = await cli(['import', 'iam/kubernetes-rbac.json', 'export.json', '--workspace', 'w.atw']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/export\.json is not a file this app imports \(it is JSON with the fields "foo", "bar"\)\. Expected one of: LLM usage \(.*\); a cloud IAM export/);
    const listed = await cli(['principals', '--workspace', 'w.atw']);
    // A failed first import leaves no workspace behind (the CLI removes the file it created).
    expect(listed.stderr).toMatch(/There is no workspace at .*w\.atw/);
  });

  it('prints an agent’s paths worst first, the reverse view, and principals by risk class with the statement', async () => {
    expect((await cli(['import', 'agents.csv', 'iam/aws-prod-authorization-details.json', '--workspace', 'w.atw'])).code).toBe(0);

    const radius = await cli(['blast-radius', 'KYC Document', '--workspace', 'w.atw']);
    expect(radius.code, radius.stderr).toBe(0);
    expect(radius.stdout).toMatch(/What KYC Document Reviewer can reach: \d+ paths/);
    expect(radius.stdout).toMatch(/IAM role kyc-reviewer-lambda\s+kyc-reviewer-lambda\s+nw-kyc-documents\s+\S+\s+restricted\s+Read/);

    const json = (await cli(['blast-radius', 'KYC Document Reviewer', '--workspace', 'w.atw', '--json'])).json() as unknown as {
      value: { paths: Array<{ dataSourceName: string; sensitivity: string; access: string; via: Array<{ policy: string }> }>; nodes: Array<{ kind: string; label: string }> };
    };
    expect(json.value.nodes.map((n) => n.kind)).toEqual(expect.arrayContaining(['agent', 'credential', 'principal', 'data-source']));
    expect(json.value.paths[0]!.sensitivity).toBe('restricted');
    expect(json.value.paths.every((p) => p.via.length > 0)).toBe(true);

    const nothing = await cli(['blast-radius', 'No Cloud Bot', '--workspace', 'w.atw']);
    expect(nothing.stdout).toMatch(/No cloud identity is linked to No Cloud Bot/);

    const reverse = await cli(['who-can-reach', 'nw-kyc-documents', '--workspace', 'w.atw']);
    expect(reverse.code, reverse.stderr).toBe(0);
    expect(reverse.stdout).toMatch(/Who can reach nw-kyc-documents/);
    expect(reverse.stdout).toMatch(/KYC Document Reviewer/);
    expect(reverse.stdout).toMatch(/Principals with a grant on it: .*kyc-reviewer-lambda/);

    const risky = await cli(['principals', '--workspace', 'w.atw', '--risk', 'privilege-escalation']);
    expect(risky.code).toBe(0);
    expect(risky.stdout).toMatch(/^deploy-ci\s+\(aws role/m);
    expect(risky.stdout).toMatch(/Privilege escalation.*iam:PassRole/);
    expect(risky.stdout).toMatch(/cost-optimiser\s+\(aws role[^\n]*\n\s+Privilege escalation: every action on every resource .*\[AdministratorAccess #1\]/);

    const bad = await cli(['principals', '--workspace', 'w.atw', '--risk', 'chaos']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--risk must be one of privilege-escalation/);
  });
});
