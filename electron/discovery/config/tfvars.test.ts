import { describe, expect, it } from 'vitest';
import { fingerprintSecret } from '../secret-fingerprint';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { parseTfvars, analyzeTfvars } from './tfvars';
import { secretName, testContext } from './test-support';

const AWS_SECRET = 'k9Vd2Jq7Lm4Np8Rs1Tu6Wx3Yz5Ab0Cd2Ef4GhQ7zX';
const TFVARS = `region = "eu-west-1"
instance_count = 3
db_password = "Marsh-Heron-Gale-77"
aws_secret_access_key = "${AWS_SECRET.slice(0, 40)}"
slack = {
  webhook_url = "https://hooks.slack.com/services/T0ABCDEFG/B0HIJKLMN/Gh2iJk3lMn4oPq5rSt6uQ7zX"
  channel     = "#ops"
}
tls_key = <<EOT
-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIBkg4LVWM9nuwNSk3yByxZpYRTBnVJk5ez3Aj1XxQ7zXoAoGCCqGSM49
-----END EC PRIVATE KEY-----
EOT
api_token = "\${var.token}"
`;

describe('parseTfvars', () => {
  it('reads quoted strings and heredocs under their attribute names, at any depth', () => {
    expect(parseTfvars(TFVARS).map((e) => [e.name, e.line])).toEqual([
      ['region', 1],
      ['db_password', 3],
      ['aws_secret_access_key', 4],
      ['webhook_url', 6],
      ['channel', 7],
      ['tls_key', 9],
      ['api_token', 14],
    ]);
    expect(parseTfvars('a = "x\\"y\\n"')).toEqual([{ name: 'a', value: 'x"y\n', line: 1 }]);
  });
});

describe('analyzeTfvars', () => {
  it('keeps the credentials a variables file sets by name and keyed fingerprint only', () => {
    const findings = analyzeTfvars('infra/terraform.tfvars', TFVARS, testContext());
    expect(findings).toMatchObject({ format: 'tfvars', appliesToFolder: true });
    expect(findings.credentials.map((c) => [c.kind, c.name, c.evidence.line])).toEqual([
      ['hardcoded-secret', secretName('db_password'), 3],
      ['env-var', 'db_password', 3],
      ['hardcoded-secret', secretName('aws secret access key (40 chars)'), 4],
      ['env-var', 'aws_secret_access_key', 4],
      ['hardcoded-secret', secretName('slack webhook https://hooks.slack.com/services/… (77 chars)'), 6],
      ['hardcoded-secret', secretName('EC private key (64 chars)'), 9],
      ['env-var', 'tls_key', 9],
      ['env-var', 'api_token', 14],
    ]);
    expect(findings.credentials[2]!.fingerprint).toBe(fingerprintSecret(AWS_SECRET.slice(0, 40), TEST_FINGERPRINT_KEY));
    const json = JSON.stringify(findings);
    expect(json).toContain('"snippet":"db_password = …"');
    for (const part of ['Heron', 'Gale-77', AWS_SECRET.slice(0, 12), 'Q7zX', 'MHcCAQEE', 'eu-west-1']) expect(json).not.toContain(part);
  });

  it('reads terraform.tfvars.json by key, with the line of each', () => {
    const text = JSON.stringify({ region: 'eu-west-1', db: { password: 'Marsh-Heron-Gale-77' }, tokens: [`ghp_${'Ab1c'.repeat(9)}`] }, null, 2);
    const findings = analyzeTfvars('infra/prod.tfvars.json', text, testContext());
    expect(findings.credentials.map((c) => [c.kind, c.name, c.evidence.line, c.evidence.snippet])).toEqual([
      ['hardcoded-secret', secretName('password'), 4, '"password": …'],
      ['env-var', 'password', 4, '"password": …'],
      ['hardcoded-secret', secretName('github token ghp_… (40 chars)'), 7, '"tokens": …'],
    ]);
  });
});
