import { describe, expect, it } from 'vitest';
import { redactDeep, redactSecrets, redactUrlPasswords, snippetOf } from './evidence';

/** One planted value of every recognised kind, and how a line holding it must read after redaction. */
const PLANTED: Array<[string, string]> = [
  [`key="sk-ant-api03-${'Ab1_'.repeat(24)}Q7zXAA"`, 'key="sk-ant-api03-…"'],
  [`OPENAI_API_KEY=sk-proj-${'Cd2-'.repeat(10)}Q7zX`, 'OPENAI_API_KEY=sk-proj-…'],
  ['id AKIAZ7QXEXAMPLE2Q7ZX here', 'id AKIA… here'],
  ['aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ7zXkey01"', 'aws_secret_access_key = "…"'],
  ['"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ7zXkey01"', '"SecretAccessKey": "…"'],
  ['AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ7zXkey01', 'AWS_SECRET_ACCESS_KEY=…'],
  [`token ghp_${'Ef3g'.repeat(9)} and github_pat_11AB${'_Gh4i'.repeat(16)}`, 'token ghp_… and github_pat_…'],
  [`GITLAB=glpat-${'Jk5L'.repeat(5)}`, 'GITLAB=glpat-…'],
  [`SLACK=xoxb-1234567890-1234567890123-${'Mn6o'.repeat(6)}`, 'SLACK=xoxb-…'],
  [`APP=xapp-1-A0123456789-1234567890123-${'pq7r'.repeat(16)}`, 'APP=xapp-…'],
  ['url: "https://hooks.slack.com/services/T0ABCDEFG/B0HIJKLMN/St8uVw9xYz0aBc1dEf2gHi3j"', 'url: "https://hooks.slack.com/services/…"'],
  [`stripe.api_key = "sk_live_${'St8u'.repeat(6)}"; rk_test_${'Vw9x'.repeat(6)}`, 'stripe.api_key = "sk_live_…"; rk_test_…'],
  [`TWILIO_API_KEY=SK${'0a1b2c3d'.repeat(4)}`, 'TWILIO_API_KEY=SK…'],
  [`SG.${'Yz0a'.repeat(5)}xy.${'Bc1d'.repeat(10)}Q7zX`, 'SG.…'],
  [`maps("AIza${'Ef2g'.repeat(8)}Q7z")`, 'maps("AIza…")'],
  [`hf_${'Hi3j'.repeat(9)} gsk_${'Kl4m'.repeat(12)}`, 'hf_… gsk_…'],
  [`RUNNER=GR1348941${'Np5q'.repeat(5)} temp ASIAZ7QXEXAMPLE2Q7ZX`, 'RUNNER=GR1348941… temp ASIA…'],
  [`deploy glagent-${'Rs6t'.repeat(6)} and gldt-${'Uv7w'.repeat(6)}`, 'deploy glagent-… and gldt-…'],
];

describe('redaction', () => {
  it('masks URL passwords whatever the user part or the characters in them', () => {
    expect(redactUrlPasswords('redis://:hunter2@cache:6379/0')).toBe('redis://:****@cache:6379/0');
    expect(redactUrlPasswords('postgres://app:ab/cd+ef@db:5432/x')).toBe('postgres://app:****@db:5432/x');
    expect(redactUrlPasswords('amqp://svc:p@ss@word@mq:5672')).toBe('amqp://svc:****@mq:5672');
    expect(redactUrlPasswords('https://registry.example/@scope/pkg')).toBe('https://registry.example/@scope/pkg');
    expect(redactUrlPasswords('"mysql://root@localhost/db"')).toBe('"mysql://root@localhost/db"');
  });

  it('keeps provider keys only as their public prefix, without any character of the secret part', () => {
    const key = `sk-proj-${'A1b2'.repeat(10)}Zz9q`;
    expect(snippetOf(`OPENAI_API_KEY = "${key}"`)).toBe('OPENAI_API_KEY = "sk-proj-…"');
    expect(redactSecrets(`token: "${'x'.repeat(12)}"`)).toBe('token: "…"');
    expect(redactSecrets('password = "hunter2hunter2"')).toBe('password = "…"');
    expect(redactSecrets('connect(password="hunt")')).toBe('connect(password="…")');
  });

  it('a name shaped like a key prefix (a folder sk-fastapi-routers-py, a bucket) is not a key: paths stay readable', () => {
    expect(redactSecrets('repos/sk-fastapi-routers-py-0/app/main.py')).toBe('repos/sk-fastapi-routers-py-0/app/main.py');
    expect(redactSecrets('s3://sk-ant-support-tickets-archive/2026')).toBe('s3://sk-ant-support-tickets-archive/2026');
    expect(redactDeep({ unit: { path: 'services/sk-payments-ledger-worker/main.py' } })).toEqual({ unit: { path: 'services/sk-payments-ledger-worker/main.py' } });
    // A key is still a key, lowercase and dashes included.
    expect(redactSecrets(`OPENAI_API_KEY=sk-proj-${'ab1-'.repeat(8)}Xq`)).toBe('OPENAI_API_KEY=sk-proj-…');
  });

  it('masks every kind of key it recognises, and an AWS secret access key only next to its name', () => {
    for (const [text, masked] of PLANTED) expect(redactSecrets(text)).toBe(masked);
    const lone = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ7zXkey01';
    expect(redactSecrets(`checksum ${lone}`)).toBe(`checksum ${lone}`);
  });

  it('masks a private key whole, or from its BEGIN line on when its end is not in the text', () => {
    const body = 'MIIEowIBAAKCAQEA7q'.repeat(4);
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    expect(redactSecrets(`key = "${pem}"`)).toBe('key = "-----BEGIN RSA PRIVATE KEY-----…"');
    const escaped = pem.replace(/\n/g, '\\n');
    expect(redactSecrets(`{"private_key": "${escaped}\\n", "x": 1}`)).toBe('{"private_key": "-----BEGIN RSA PRIVATE KEY-----…\\n", "x": 1}');
    expect(snippetOf(`KEY = """-----BEGIN PRIVATE KEY-----${body}`)).toBe('KEY = """-----BEGIN PRIVATE KEY-----…');
  });

  it('redacts every string of a nested fact and leaves other values alone', () => {
    const fact = { name: 'redis://:pw12345@cache', count: 3, nested: [{ detail: 'postgres://u:secretpw@db' }], fingerprint: 'ab'.repeat(32) };
    expect(redactDeep(fact)).toEqual({ name: 'redis://:****@cache', count: 3, nested: [{ detail: 'postgres://u:****@db' }], fingerprint: 'ab'.repeat(32) });
  });

  it('keeps a "__proto__" key a scanned file wrote as a key of the copy', () => {
    const servers = JSON.parse('{"__proto__": {"url": "https://u:pw123456@mcp.example/sse"}, "ok": {"url": "x"}}') as Record<string, unknown>;
    const copy = redactDeep(servers);
    expect(Object.keys(copy)).toEqual(['__proto__', 'ok']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ url: 'https://u:****@mcp.example/sse' });
  });
});
