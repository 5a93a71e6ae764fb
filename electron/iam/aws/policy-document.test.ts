import { describe, expect, it } from 'vitest';
import { backendErrorOf } from '../../testing/backend-errors';
import { MAX_POLICY_ELEMENT_CHARS, MAX_STATEMENT_TEXT, readPolicyDocument } from './policy-document';

const doc = { Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::b/*'] }] };

describe('readPolicyDocument', () => {
  it.each([
    ['an object', doc],
    ['JSON text', JSON.stringify(doc)],
    ['URL-encoded JSON text', encodeURIComponent(JSON.stringify(doc))],
    ['form-encoded JSON text (+ for spaces)', encodeURIComponent(JSON.stringify(doc, null, 1)).replace(/%20/g, '+')],
  ])('decodes %s', (_, raw) => {
    const { statements } = readPolicyDocument('f.json', 'P', raw);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ sid: 'Read', effect: 'Allow', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'], position: 1 });
  });

  it('normalises a single statement object and string-or-list fields, keeping Condition', () => {
    const { statements } = readPolicyDocument('f.json', 'P', {
      Statement: { Effect: 'Deny', NotAction: ['iam:*'], NotResource: 'arn:aws:s3:::x', Principal: { AWS: '123456789012' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    });
    expect(statements[0]).toMatchObject({
      sid: null,
      effect: 'Deny',
      actions: null,
      notActions: ['iam:*'],
      notResources: ['arn:aws:s3:::x'],
      principal: { AWS: ['123456789012'] },
      condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });

  it('cuts the statement text to 2,000 characters', () => {
    const actions = Array.from({ length: 300 }, (_, i) => `s3:Action${i}`);
    const { statements } = readPolicyDocument('f.json', 'P', { Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });
    expect(statements[0]!.text.length).toBe(2000);
  });

  it.each([
    ['a number where a list goes', { Statement: [{ Effect: 'Allow', Action: 42, Resource: '*' }] }, 'P.Statement[0].Action: is a number (42), expected a string or a list of strings'],
    ['a number inside a list', { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 7], Resource: '*' }] }, 'P.Statement[0].Action[1]: is a number (7)'],
    ['a statement without Effect', { Statement: [{ Action: 's3:*', Resource: '*' }] }, 'P.Statement[0]: has no Effect'],
    ['an unknown Effect', { Statement: [{ Effect: 'Permit', Action: 's3:*', Resource: '*' }] }, 'P.Statement[0].Effect: is the text "Permit", expected "Allow" or "Deny"'],
    ['no Statement', { Version: '2012-10-17' }, 'P: has no Statement'],
    ['a statement that is null', { Statement: [null] }, 'P.Statement[0]: is null, expected a statement object'],
    ['truncated JSON text', '{"Statement":[{"Effect":"Allow"', 'P: is text that is neither JSON nor URL-encoded JSON'],
    ['broken URL encoding', '%7B%E0%A4%A', 'P: is text that is neither JSON nor URL-encoded JSON'],
    ['a list as document', [doc], 'P: is a list, expected a policy document object'],
    ['a Principal that is a number', { Statement: [{ Effect: 'Allow', Principal: 5 }] }, 'P.Statement[0].Principal: is a number (5)'],
  ])('refuses %s, naming the path', (_, raw, message) => {
    const error = backendErrorOf(() => readPolicyDocument('f.json', 'P', raw));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toContain(`f.json: ${message}`);
  });

  // Found by the IAM fuzz targets (electron/fuzz/iam-fuzz-targets.ts) at full size.
  it('reads a statement nested 200,000 deep without overflowing the stack, its text bounded', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    const { statements } = readPolicyDocument('f.json', 'P', { Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: deep }, Extra: [deep] } });
    expect(statements[0]!.text.length).toBeLessThanOrEqual(MAX_STATEMENT_TEXT);
    expect(statements[0]!.text).toMatch(/^\{"Effect":"Allow","Action":"s3:GetObject"/);
  });

  it('refuses an action or resource longer than any IAM policy, instead of failing to compile it', () => {
    const huge = `s3:${'é'.repeat(3_500_000)}*`;
    for (const statement of [{ Effect: 'Allow', Action: huge, Resource: '*' }, { Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::b', huge] }]) {
      const error = backendErrorOf(() => readPolicyDocument('f.json', 'P', { Statement: [statement] }));
      expect(error.code).toBe('import-invalid');
      expect(error.message).toMatch(/^f\.json: P\.Statement\[0\]\.(Action|Resource\[1\]): is 3,500,004 characters long; no IAM policy is longer than 10,240\./);
    }
    expect(readPolicyDocument('f.json', 'P', { Statement: [{ Effect: 'Allow', Action: 'a'.repeat(MAX_POLICY_ELEMENT_CHARS), Resource: '*' }] }).statements).toHaveLength(1);
  });
});
