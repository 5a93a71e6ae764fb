import { describe, expect, it } from 'vitest';
import { isCredentialName, literalSecretIn } from './secrets';

describe('isCredentialName', () => {
  it.each(['OPENAI_API_KEY', 'DB_PASSWORD', 'SLACK_BOT_TOKEN', 'apiKey', 'clientSecret', 'AWS_SECRET_ACCESS_KEY', 'SSH_KEY', 'DATABASE_URL', 'GCP_CREDENTIALS'])('%s holds a credential', (name) => {
    expect(isCredentialName(name)).toBe(true);
  });

  it.each(['MAX_TOKENS', 'TOKEN_LIMIT', 'SECRET_NAME', 'LOG_LEVEL', 'OPENAI_BASE_URL', 'SLACK_TEAM_ID', 'API_KEY_HEADER', 'KEYBOARD'])('%s does not', (name) => {
    expect(isCredentialName(name)).toBe(false);
  });
});

describe('literalSecretIn', () => {
  it('finds known key shapes under any name, or none', () => {
    expect(literalSecretIn(null, 'Bearer sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWx')).toMatchObject({
      value: 'sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWx',
      provider: 'anthropic',
      label: 'anthropic key',
      preview: 'sk-ant-api03-… (37 chars)',
    });
    expect(literalSecretIn('NOTES', 'AKIAIOSFODNN7EXAMPLE')).toMatchObject({ provider: 'aws', preview: 'AKIA… (20 chars)' });
  });

  it('finds an AWS secret access key only under its name', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ7zXkey01';
    expect(literalSecretIn('AWS_SECRET_ACCESS_KEY', secret)).toMatchObject({ value: secret, provider: 'aws', label: 'aws secret access key', preview: '(40 chars)' });
    expect(literalSecretIn('secretAccessKey', secret)).toMatchObject({ provider: 'aws' });
    expect(literalSecretIn('CHECKSUM', secret)).toBeNull();
  });

  it('finds opaque values under credential names, and the password of a connection string', () => {
    expect(literalSecretIn('DB_PASSWORD', 'hunter2hunter2')).toMatchObject({ value: 'hunter2hunter2', provider: null, preview: null, connection: null });
    expect(literalSecretIn('DATABASE_URL', 'postgres://app:s3cret@db/app?sslmode=require')).toMatchObject({ value: 's3cret', provider: 'postgres', preview: null, connection: 'postgres://app@db/app' });
    expect(literalSecretIn('SSH_KEY', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmU')).not.toBeNull();
  });

  it('leaves references, placeholders, short, numeric and vague values alone', () => {
    for (const [name, value] of [
      ['OPENAI_API_KEY', '${OPENAI_API_KEY}'],
      ['OPENAI_API_KEY', '${{ secrets.OPENAI_API_KEY }}'],
      ['API_KEY', '<your-api-key>'],
      ['API_KEY', 'changeme'],
      ['API_KEY', 'your-key-here'],
      ['DB_PASSWORD', 'short'],
      ['API_TOKEN', '1234567890'],
      ['AZURE_OPENAI_API_KEY', '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)'],
      ['DB_PASSWORD', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db'],
      ['CACHE_KEY', 'user-profile-v2'],
      ['DATABASE_URL', 'postgres://app@db/app'],
    ]) {
      expect(literalSecretIn(name!, value!)).toBeNull();
    }
  });
});
