import { describe, expect, it } from 'vitest';
import { fingerprintSecret } from '../secret-fingerprint';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { analyzeDotenv, parseDotenv } from './dotenv';
import { analyzeConfigFile, readBundledConfigRules } from './index';
import { secretName, testContext } from './test-support';

const OPENAI = `sk-proj-${'Uv5w'.repeat(12)}Q7zX`;
const PASSWORD = 'Plover!Quay-Tide42';
const PEM = `-----BEGIN OPENSSH PRIVATE KEY-----\n${'b3BlbnNzaC1rZXktdjEAAAAABG5v'.repeat(3)}\n${'bmUAAAAEbm9uZQAAAAAAAAABAAAA'.repeat(3)}\n-----END OPENSSH PRIVATE KEY-----`;

const ENV = [
  '# Production settings',
  `OPENAI_API_KEY=${OPENAI}`,
  `export DB_PASSWORD="${PASSWORD}"`,
  `DATABASE_URL=postgres://ledger:${PASSWORD}@ledger-db.internal:5432/ledger?sslmode=require`,
  'LOG_LEVEL=debug # not a secret',
  'EMPTY_TOKEN=',
  `DEPLOY_KEY="${PEM.replace(/\n/g, '\\n')}"`,
  `# OLD_KEY=sk-ant-api03-${'Ol6d'.repeat(10)}Q7zX`,
].join('\n');

describe('parseDotenv', () => {
  it('reads export, quotes, escapes, comments and values over several lines', () => {
    expect(parseDotenv('export A=1\nB="x\\ny" # c\nC=\'lit\\n\'\nD=plain # comment\nE="multi\nline"\nF=')).toEqual([
      { name: 'A', value: '1', line: 1 },
      { name: 'B', value: 'x\ny', line: 2 },
      { name: 'C', value: 'lit\\n', line: 3 },
      { name: 'D', value: 'plain', line: 4 },
      { name: 'E', value: 'multi\nline', line: 5 },
      { name: 'F', value: '', line: 7 },
    ]);
  });
});

describe('analyzeDotenv', () => {
  it('keeps the credentials it sets by name and keyed fingerprint only, for the units of its folder', () => {
    const findings = analyzeDotenv('services/ledger/.env.production', ENV, testContext());
    expect(findings).toMatchObject({ format: 'dotenv', units: [], appliesToFolder: true });
    expect(findings.credentials.map((c) => [c.kind, c.name, c.evidence.line])).toEqual([
      ['hardcoded-secret', secretName('openai key sk-proj-… (60 chars)'), 2],
      ['env-var', 'OPENAI_API_KEY', 2],
      ['hardcoded-secret', secretName('DB_PASSWORD'), 3],
      ['env-var', 'DB_PASSWORD', 3],
      ['connection-string', 'postgres://ledger@ledger-db.internal:5432/ledger', 4],
      ['hardcoded-secret', secretName('OPENSSH private key (168 chars)'), 7],
      ['env-var', 'DEPLOY_KEY', 7],
      ['hardcoded-secret', secretName('anthropic key sk-ant-api03-… (57 chars)'), 8],
    ]);
    const byLine = (line: number) => findings.credentials.filter((c) => c.evidence.line === line);
    // The same password in DB_PASSWORD and in the connection string is one fingerprint.
    expect(byLine(3)[0]!.fingerprint).toBe(fingerprintSecret(PASSWORD, TEST_FINGERPRINT_KEY));
    expect(byLine(4)[0]!.fingerprint).toBe(fingerprintSecret(PASSWORD, TEST_FINGERPRINT_KEY));
    expect(byLine(4)[0]!.preview).toBeNull();
  });

  it('shows names and never a value in its evidence, nor any part of one', () => {
    const json = JSON.stringify(analyzeDotenv('.env', ENV, testContext()));
    expect(json).toContain('"snippet":"OPENAI_API_KEY=…"');
    for (const part of ['Q7zX', 'Plover', 'Tide42', 'b3BlbnNzaC1', 'debug', 'Ol6d', '5432/ledger?ssl']) expect(json).not.toContain(part);
  });

  it('is read as .env and .env.* but not as a template (.env.example, .env.sample.local)', async () => {
    const options = { rules: readBundledConfigRules(), disabledRuleIds: new Set<string>(), fingerprintKey: TEST_FINGERPRINT_KEY };
    for (const path of ['.env', 'api/.env.local', '.env.production']) expect((await analyzeConfigFile(path, ENV, options)).findings?.format).toBe('dotenv');
    for (const path of ['.env.example', '.env.sample.local', 'api/.env.template', '.env.dist']) expect((await analyzeConfigFile(path, ENV, options)).findings).toBeNull();
  });

  it("reads a Cloudflare Worker's .dev.vars (wrangler's local secrets) as .env, but not its template", async () => {
    const options = { rules: readBundledConfigRules(), disabledRuleIds: new Set<string>(), fingerprintKey: TEST_FINGERPRINT_KEY };
    for (const path of ['workers/digest/.dev.vars', '.dev.vars.staging']) expect((await analyzeConfigFile(path, ENV, options)).findings?.format).toBe('dotenv');
    for (const path of ['.dev.vars.example', 'workers/digest/.dev.vars.template']) expect((await analyzeConfigFile(path, ENV, options)).findings).toBeNull();
  });
});
