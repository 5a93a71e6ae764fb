import { describe, expect, it } from 'vitest';
import { redactDeep, redactSecrets, redactUrlPasswords, snippetOf } from './evidence';

describe('redaction', () => {
  it('masks URL passwords whatever the user part or the characters in them', () => {
    expect(redactUrlPasswords('redis://:hunter2@cache:6379/0')).toBe('redis://:****@cache:6379/0');
    expect(redactUrlPasswords('postgres://app:ab/cd+ef@db:5432/x')).toBe('postgres://app:****@db:5432/x');
    expect(redactUrlPasswords('amqp://svc:p@ss@word@mq:5672')).toBe('amqp://svc:****@mq:5672');
    expect(redactUrlPasswords('https://registry.example/@scope/pkg')).toBe('https://registry.example/@scope/pkg');
    expect(redactUrlPasswords('"mysql://root@localhost/db"')).toBe('"mysql://root@localhost/db"');
  });

  it('keeps provider keys only as a prefix and their last four characters', () => {
    const key = `sk-proj-${'A1b2'.repeat(10)}Zz9q`;
    expect(snippetOf(`OPENAI_API_KEY = "${key}"`)).toBe('OPENAI_API_KEY = "sk-proj-…Zz9q"');
    expect(redactSecrets(`token: "${'x'.repeat(12)}"`)).not.toContain('x'.repeat(12));
  });

  it('redacts every string of a nested fact and leaves other values alone', () => {
    const fact = { name: 'redis://:pw12345@cache', count: 3, nested: [{ detail: 'postgres://u:secretpw@db' }], fingerprint: 'ab'.repeat(32) };
    expect(redactDeep(fact)).toEqual({ name: 'redis://:****@cache', count: 3, nested: [{ detail: 'postgres://u:****@db' }], fingerprint: 'ab'.repeat(32) });
  });
});
