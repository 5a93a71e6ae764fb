import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { CandidateDetail } from '../../shared/discovery';
import { runCli } from '../cli/run-cli';
import { captureIo } from '../cli/test-io';
import { fingerprintSecret } from '../discovery/secret-fingerprint';
import { knownSecretsIn } from '../discovery/secret-shapes';
import { exportThroughJob } from '../exports/test-export';
import { testEngine } from './test-engine';

/**
 * Issue 7: secrets leave no guessable trace. Secrets of every recognised kind are planted in
 * Python and TypeScript code, .env, .env.production and terraform.tfvars, scanned into real
 * workspace files through the engine, and then looked for in the raw bytes of the workspace and
 * its WAL, and in every export: in clear, as their plain SHA-256, by their last four characters
 * (each chosen to occur nowhere else), and for passwords by any four characters in a row.
 */

const pemLines = (seed: string) => [0, 1, 2].map((i) => `MII${seed}${'q7Lk2Vw9Xs4Ty6Ua8Pb1Rc3Nd5Me0Jf'.slice(i)}${seed.repeat(8)}`.slice(0, 64));
const RSA_LINES = [...pemLines('Ab3D').slice(0, 2), `${pemLines('Ab3D')[2]!.slice(0, 60)}Gy7N`];
const PKCS8_LINES = [...pemLines('Cd4E').slice(0, 1), `${pemLines('Cd4E')[1]!.slice(0, 60)}Hz2J`];

const KEYS = {
  openai: `sk-proj-${'Nw4e'.repeat(12)}Q7zX`,
  anthropic: `sk-ant-api03-${'Pl2m'.repeat(23)}Y8vB`,
  awsId: 'AKIAJ2K4L6M8N3P5T9QZ',
  awsSecretPython: 'kR7vN2xQ9mL4pW8sT3yB6dF1hJ5cG0zA/Ux+E2wD',
  awsSecretTs: 'Tb5nW8qZ2xC6vM9kL3pR7sY1dG4hJ0fA+Qe/H6pM',
  awsSecretEnv: 'Yc3mP7wK1zN5xB9vQ2tR6sL0dF4gH8jA/Wu+S3nV',
  awsSecretTfvars: 'Ud9kR2mX6zQ1wB5vN8tP4sL7dG3hJ0fC+Ye/Z8qC',
  github: `ghp_${'Bv7n'.repeat(8)}Cq3L`,
  githubPat: `github_pat_11A${'Dx5s'.repeat(20)}Fe9K`,
  gitlab: `glpat-${'Gt2h'.repeat(4)}Jr6W`,
  gitlabRunner: `glrt-${'Kp8j'.repeat(4)}Mb1X`,
  slackBot: `xoxb-2345678901-3456789012345-${'Qs4d'.repeat(5)}Vn7Y`,
  slackApp: `xapp-1-A0ABCDEFGHJ-4567890123456-${'Wc9f'.repeat(15)}Xe2R`,
  slackWebhook: 'https://hooks.slack.com/services/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',
  stripe: `sk_live_${'Lz6t'.repeat(6)}Nu4P`,
  stripeRestricted: `rk_live_${'Oy3w'.repeat(6)}Pi8T`,
  twilio: `SK${'9f8e7d6c'.repeat(3)}1a2bC0DE`,
  sendgrid: `SG.${'Aq1z'.repeat(5)}Sw.${'Xe3d'.repeat(10)}Cr5F`,
  google: `AIza${'Vf4r'.repeat(8)}Bt6`,
  rsaKey: `-----BEGIN RSA PRIVATE KEY-----\n${RSA_LINES.join('\n')}\n-----END RSA PRIVATE KEY-----`,
  pkcs8Key: `-----BEGIN PRIVATE KEY-----\n${PKCS8_LINES.join('\n')}\n-----END PRIVATE KEY-----`,
};
const PASSWORDS = {
  /** In a connection string in the code, DB_PASSWORD in .env and db_password in terraform.tfvars. */
  ledger: 'Zq8!Vx3#Lm9$Pw2K',
  /** In DATABASE_URL in .env.production. */
  production: 'Hq5%Jt7^Nc1*Rb4W',
  /** A literal api_key= of no known shape in the code. */
  opaqueApiKey: 'Gx7pLw2Rk9Tz4Vb6',
};
/** In .env.example, which documents names and must not be read. */
const EXAMPLE_KEY = `sk-proj-${'Em5x'.repeat(12)}Ex4M`;

function plantRepository(root: string): void {
  const files: Record<string, string> = {
    '.gitignore': '.env*\n*.tfvars\n',
    'app/agent.py': `import boto3
import requests
from openai import OpenAI

OPENAI_KEY = "${KEYS.openai}"
ANTHROPIC_KEY = "${KEYS.anthropic}"
GITHUB_TOKEN = "${KEYS.github}"
GITLAB_TOKEN = "${KEYS.gitlab}"
SLACK_BOT_TOKEN = "${KEYS.slackBot}"
SLACK_HOOK = "${KEYS.slackWebhook}"
STRIPE_KEY = "${KEYS.stripe}"
TWILIO_KEY = "${KEYS.twilio}"
SENDGRID_KEY = "${KEYS.sendgrid}"
MAPS_KEY = "${KEYS.google}"
DSN = "postgresql://ledger:${PASSWORDS.ledger}@ledger-db.internal:5432/ledger"
SIGNING_KEY = """${KEYS.rsaKey}"""

s3 = boto3.client("s3", aws_access_key_id="${KEYS.awsId}", aws_secret_access_key="${KEYS.awsSecretPython}")
client = OpenAI(api_key=OPENAI_KEY)
backup = OpenAI(api_key="${PASSWORDS.opaqueApiKey}")


def main():
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
    requests.post(SLACK_HOOK, json={"text": reply.choices[0].message.content})


if __name__ == "__main__":
    main()
`,
    'web/route.ts': `import OpenAI from 'openai';
import { S3Client } from '@aws-sdk/client-s3';

const openai = new OpenAI({ apiKey: '${KEYS.openai}' });
export const s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: '${KEYS.awsId}', secretAccessKey: '${KEYS.awsSecretTs}' } });
export const tokens = { github: '${KEYS.githubPat}', runner: '${KEYS.gitlabRunner}', slack: '${KEYS.slackApp}', stripe: '${KEYS.stripeRestricted}' };

export async function POST(req: Request) {
  const body = await req.json();
  return Response.json(await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: body.messages }));
}
`,
    '.env': `OPENAI_API_KEY=${KEYS.openai}\nDB_PASSWORD="${PASSWORDS.ledger}"\nAWS_SECRET_ACCESS_KEY=${KEYS.awsSecretEnv}\nSLACK_WEBHOOK_URL=${KEYS.slackWebhook}\nGOOGLE_API_KEY=${KEYS.google}\n`,
    '.env.production': `STRIPE_SECRET_KEY=${KEYS.stripe}\nDATABASE_URL=postgres://app:${PASSWORDS.production}@prod-db.internal:5432/app\nSENDGRID_API_KEY=${KEYS.sendgrid}\nTWILIO_API_KEY=${KEYS.twilio}\nTLS_PRIVATE_KEY="${KEYS.pkcs8Key.replace(/\n/g, '\\n')}"\n`,
    '.env.example': `OPENAI_API_KEY=${EXAMPLE_KEY}\n`,
    'infra/terraform.tfvars': `db_password = "${PASSWORDS.ledger}"\naws_secret_access_key = "${KEYS.awsSecretTfvars}"\nanthropic_api_key = "${KEYS.anthropic}"\ngitlab_token = "${KEYS.gitlab}"\n`,
    'infra/lambda.tf': 'resource "aws_lambda_function" "digest" {\n  function_name = "nightly-digest"\n  handler = "digest.handler"\n  runtime = "python3.12"\n  filename = "../src/digest.zip"\n}\n',
    'src/digest.py': 'from anthropic import Anthropic\nclient = Anthropic()\ndef handler(event, context):\n    return client.messages.create(model="claude-sonnet-4-5", max_tokens=500, messages=[])\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The value a key is fingerprinted as (a private key without its line breaks). */
const fingerprinted = (secret: string) => knownSecretsIn(secret)[0]?.value ?? secret;
/** Every run of `length` characters of a text. */
const windows = (text: string, length: number) => Array.from({ length: Math.max(0, text.length - length + 1) }, (_, i) => text.slice(i, i + length));
/** The part of a key after the public prefix a preview keeps. */
const secretPart = (secret: string) => secret.slice(knownSecretsIn(secret)[0]?.prefix.length ?? 0).replace(/-----(BEGIN|END) [A-Z ]*PRIVATE KEY-----/g, '');

function expectNoTrace(where: string, text: string): void {
  for (const [kind, secret] of Object.entries(KEYS)) {
    const traces = [secret, sha256(secret), sha256(fingerprinted(secret)), secretPart(secret).trim().slice(-4), ...secretPart(secret).split('\n').flatMap((line) => windows(line, 8))];
    for (const trace of traces) expect(text.includes(trace), `${kind} (${trace}) in ${where}`).toBe(false);
  }
  for (const [kind, password] of Object.entries(PASSWORDS)) {
    for (const trace of [sha256(password), ...windows(password, 4)]) expect(text.includes(trace), `password ${kind} (${trace}) in ${where}`).toBe(false);
  }
}

function workspaceBytes(path: string): string {
  return ['', '-wal'].map((suffix) => (existsSync(path + suffix) ? readFileSync(path + suffix).toString('latin1') : '')).join('\n');
}

function fingerprintKeyIn(path: string): Buffer {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return Buffer.from((db.prepare("SELECT value FROM workspace_meta WHERE key = 'secret_fingerprint_key'").get() as { value: string }).value, 'hex');
  } finally {
    db.close();
  }
}

let env: Awaited<ReturnType<typeof testEngine>>;
afterEach(async () => env?.close());

async function scanInto(workspace: string, repo: string): Promise<CandidateDetail[]> {
  await env.call('createWorkspace', { path: workspace });
  const { jobId } = await env.call('startScan', { roots: [repo] });
  expect((await env.finished(jobId)).state).toBe('succeeded');
  return (await env.call('inventory', {})).candidates;
}

describe('secrets leave no guessable trace', () => {
  it('a scanned secret of any kind is kept only as a keyed fingerprint: nothing of it in the workspace file, its WAL, or any export', async () => {
    env = await testEngine();
    const repo = env.tmp.file('repo');
    plantRepository(repo);
    const path = env.tmp.file('first.atw');
    const candidates = await scanInto(path, repo);
    expect(candidates.map((c) => c.name).sort()).toEqual(['agent', 'nightly-digest', 'web']);
    for (const candidate of candidates) await env.call('confirmCandidate', { identityKey: candidate.identityKey });

    // Every planted secret was found and fingerprinted under this workspace's key (so the checks below are not vacuous).
    const key = fingerprintKeyIn(path);
    const fingerprints = new Set(candidates.flatMap((c) => c.credentials.map((cred) => cred.fingerprint)));
    for (const [kind, secret] of Object.entries({ ...KEYS, ...PASSWORDS })) expect(fingerprints.has(fingerprintSecret(fingerprinted(secret), key)), kind).toBe(true);
    // .env.example documents names; it is not read.
    expect(candidates.flatMap((c) => c.credentials.map((cred) => cred.evidence.path))).not.toContain('.env.example');
    expect(fingerprints.has(fingerprintSecret(EXAMPLE_KEY, key))).toBe(false);

    // The same secret in several files is one fingerprint within the workspace.
    const agent = candidates.find((c) => c.name === 'agent')!;
    const openai = agent.credentials.filter((c) => c.fingerprint === fingerprintSecret(KEYS.openai, key));
    expect(openai.map((c) => c.evidence.path).sort()).toEqual(['.env', 'app/agent.py']);
    expect(openai[0]).toMatchObject({ provider: 'openai', preview: 'sk-proj-… (60 chars)', name: `openai key sk-proj-… (60 chars) #${openai[0]!.fingerprint!.slice(0, 6)}` });
    const ledger = fingerprintSecret(PASSWORDS.ledger, key);
    expect(agent.credentials.filter((c) => c.fingerprint === ledger).map((c) => [c.kind, c.name.replace(/ #\w+$/, ''), c.evidence.path, c.preview])).toEqual([
      ['connection-string', 'postgresql://ledger-db.internal', 'app/agent.py', null],
      ['hardcoded-secret', 'DB_PASSWORD', '.env', null],
    ]);
    const digest = candidates.find((c) => c.name === 'nightly-digest')!;
    expect(digest.credentials.find((c) => c.evidence.path === 'infra/terraform.tfvars' && c.fingerprint === ledger)).toBeDefined();
    expect(candidates.find((c) => c.name === 'web')!.credentials.filter((c) => c.fingerprint === fingerprintSecret(KEYS.awsId, key)).length).toBe(1);

    // The raw bytes of the workspace and its WAL, read while it is open.
    const bytes = workspaceBytes(path);
    expect(bytes).toContain('openai key sk-proj-');
    expectNoTrace('the workspace file and its WAL', bytes);
    // Every export: the inventory (what `agents --json` prints), the registry as CSV and XLSX, and the CLI itself.
    expectNoTrace('the inventory', JSON.stringify(await env.call('inventory', {})));
    const exported = (format: string) => exportThroughJob((method, input) => env.call(method, input as never), format);
    const csv = await exported('registry-csv');
    expectNoTrace('the CSV export', Buffer.from(csv.contentBase64, 'base64').toString('utf8'));
    expect(Buffer.from(csv.contentBase64, 'base64').toString('utf8')).toContain('openai key sk-proj-… (60 chars) #');
    const xlsx = unzipSync(new Uint8Array(Buffer.from((await exported('registry-xlsx')).contentBase64, 'base64')));
    const sheets = Object.values(xlsx).map((part) => strFromU8(part)).join('\n');
    expect(sheets).toContain('openai key sk-proj-');
    expectNoTrace('the XLSX export', sheets);
    const out = captureIo({ env: { AGENT_TRIAGE_HOME: env.tmp.file('cli-home') }, cwd: env.tmp.dir });
    expect(await runCli(['agents', '--workspace', path, '--json'], out.io)).toBe(0);
    expect(out.stdout()).toContain('openai key sk-proj-…');
    expectNoTrace('agents --json', out.stdout());
    // The exports for other tools (SARIF, CycloneDX, workspace JSON) carry evidence snippets and credential names too.
    const exportText = async (format: string) => Buffer.from((await exported(format)).contentBase64, 'base64').toString('utf8');
    for (const format of ['sarif', 'cyclonedx', 'manifest', 'json']) expectNoTrace(`the ${format} export`, await exportText(format));
    expect(await exportText('json')).toContain('openai key sk-proj-… (60 chars) #');

    // Another engagement: the same secret has another fingerprint there, so workspaces cannot be joined on it.
    const other = await scanInto(env.tmp.file('second.atw'), repo);
    const otherKey = fingerprintKeyIn(env.tmp.file('second.atw'));
    expect(otherKey.equals(key)).toBe(false);
    const otherOpenai = other.find((c) => c.name === 'agent')!.credentials.filter((c) => c.provider === 'openai' && c.preview !== null);
    expect(otherOpenai.map((c) => c.fingerprint)).toEqual([fingerprintSecret(KEYS.openai, otherKey), fingerprintSecret(KEYS.openai, otherKey)]);
    expect(otherOpenai[0]!.fingerprint).not.toBe(openai[0]!.fingerprint);
  }, 120_000);
});
