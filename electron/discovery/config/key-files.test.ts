import { describe, expect, it } from 'vitest';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { analyzeConfigFile, readBundledConfigRules } from './index';
import { secretName } from './test-support';

const BODY = ['MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7', 'q3Kd9LmN2pR4sT6uV8wX0yZ1aB3cD5eF7gH9iJ2kL4mN6oP8qR0s', 'T2uV4wX6yZ8aB0cD2eF4gH6iJ8kL0mN2oP4qR6sT8uV0wX2yQ7zX'];
const PEM = `-----BEGIN PRIVATE KEY-----\n${BODY.join('\n')}\n-----END PRIVATE KEY-----\n`;
const options = () => ({ rules: readBundledConfigRules(), disabledRuleIds: new Set<string>(), fingerprintKey: TEST_FINGERPRINT_KEY });

describe('key files', () => {
  it('a .pem or .key file gives its private keys by fingerprint, not its certificates', async () => {
    const cert = '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa\n-----END CERTIFICATE-----\n';
    const { findings } = await analyzeConfigFile('deploy/tls/server.pem', cert + PEM, options());
    expect(findings).toMatchObject({ format: 'key-file', appliesToFolder: true });
    expect(findings!.credentials.map((c) => [c.kind, c.name, c.evidence.line, c.evidence.snippet])).toEqual([
      ['hardcoded-secret', secretName('private key (156 chars)'), 4, '…'],
    ]);
    expect(JSON.stringify(findings)).not.toContain('Q7zX');
    expect((await analyzeConfigFile('keys/id_rsa', PEM, options())).findings?.credentials).toHaveLength(1);
  });

  it('a Google service-account key is named after its account, and matches the same key written elsewhere', async () => {
    const account = { type: 'service_account', project_id: 'ledger-prod', private_key_id: 'b7e1c0ffee', private_key: PEM, client_email: 'recon-bot@ledger-prod.iam.gserviceaccount.com' };
    const { findings } = await analyzeConfigFile('creds/recon-bot.json', JSON.stringify(account, null, 2), options());
    expect(findings).toMatchObject({ format: 'gcp-service-account-key', appliesToFolder: true });
    expect(findings!.credentials.map((c) => [c.kind, c.name, c.provider, c.evidence.snippet])).toEqual([
      ['hardcoded-secret', secretName('google service account key of recon-bot@ledger-prod.iam.gserviceaccount.com (156 chars)'), 'google', '"private_key": …'],
    ]);
    const pem = await analyzeConfigFile('deploy/key.pem', PEM, options());
    expect(pem.findings!.credentials[0]!.fingerprint).toBe(findings!.credentials[0]!.fingerprint);
    expect(JSON.stringify(findings)).not.toContain('Q7zX');
  });
});
