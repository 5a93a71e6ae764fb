import { describe, expect, it } from 'vitest';
import type { DataSourceFact, GrantFact, PrincipalRiskFact } from '../../../shared/iam';
import { PermissionEvaluator, type PolicySource } from './evaluate-permissions';
import { grantsOf } from './grants';
import { readPolicyDocument } from './policy-document';
import { PrincipalFactsBuilder } from './principal-facts';
import { principalRisks } from './risk-classes';

const ACCOUNT = '111122223333';

function policy(name: string, ...statements: Record<string, unknown>[]): PolicySource {
  return { policy: name, policyKey: `arn:aws:iam::${ACCOUNT}:policy/${name}`, document: readPolicyDocument('t.json', name, { Version: '2012-10-17', Statement: statements }) };
}

const admin = policy('Admin', { Effect: 'Allow', Action: '*', Resource: '*' });
const data = policy(
  'data',
  { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] },
  { Effect: 'Allow', Action: 'dynamodb:*', Resource: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/t`, Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
  { Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' },
);
const pass = policy('pass', { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' });
const lambda = policy('lambda', { Effect: 'Allow', Action: ['lambda:CreateFunction', 'lambda:InvokeFunction', 'sts:AssumeRole'], Resource: '*' });
const deny = policy('deny', { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }, { Effect: 'Deny', Action: 'kms:*', Resource: '*', Condition: { Bool: { 'aws:ViaAWSService': 'false' } } });
const boundary = policy('boundary', { Effect: 'Allow', Action: ['s3:*', 'lambda:*'], Resource: '*' });

/** Principals that share statements, Deny sets and boundaries, and one with the same policy twice. */
const principals: { key: string; policies: PolicySource[]; boundary: PolicySource | null }[] = [
  { key: 'a', policies: [data, pass], boundary: null },
  { key: 'b', policies: [data, pass, lambda], boundary: null },
  { key: 'c', policies: [admin, data, deny], boundary: null },
  { key: 'd', policies: [data, pass, lambda, deny], boundary: boundary },
  { key: 'e', policies: [data, data, pass], boundary: null },
  { key: 'f', policies: [admin, admin, lambda], boundary: null },
  { key: 'g', policies: [data, pass, lambda], boundary: null },
];

describe('PrincipalFactsBuilder', () => {
  it('gives each principal the facts grantsOf and principalRisks give over all its entries, in the same order', () => {
    const evaluator = new PermissionEvaluator(ACCOUNT);
    const out = { grants: [] as GrantFact[], risks: [] as PrincipalRiskFact[], dataSources: new Map<string, DataSourceFact>() };
    const builder = new PrincipalFactsBuilder(ACCOUNT, out);
    const expected = { grants: [] as GrantFact[], risks: [] as PrincipalRiskFact[], dataSources: new Map<string, DataSourceFact>() };
    const reference = new PermissionEvaluator(ACCOUNT);
    for (const p of principals) {
      builder.add(p.key, evaluator.evaluateByStatement(p.policies, p.boundary));
      const entries = reference.evaluate(p.policies, p.boundary);
      expected.grants.push(...grantsOf(p.key, entries, ACCOUNT, expected.dataSources));
      expected.risks.push(...principalRisks(p.key, entries));
    }
    expect(JSON.stringify(out.grants)).toBe(JSON.stringify(expected.grants));
    expect(JSON.stringify(out.risks)).toBe(JSON.stringify(expected.risks));
    expect([...out.dataSources.values()]).toEqual([...expected.dataSources.values()]);
    expect(out.risks.some((r) => r.principalKey === 'b' && r.detail.includes('PassExistingRoleToNewLambdaThenInvoke'))).toBe(true);
  });

  it('shares the action lists and statement references of facts from one statement', () => {
    const evaluator = new PermissionEvaluator(ACCOUNT);
    const out = { grants: [] as GrantFact[], risks: [] as PrincipalRiskFact[], dataSources: new Map<string, DataSourceFact>() };
    const builder = new PrincipalFactsBuilder(ACCOUNT, out);
    builder.add('a', evaluator.evaluateByStatement([data], null));
    builder.add('b', evaluator.evaluateByStatement([data], null));
    const [first, second] = ['a', 'b'].map((key) => out.grants.find((g) => g.principalKey === key && g.via.statement === 'Read')!);
    expect(first!.actions).toBe(second!.actions);
    expect(first!.via).toBe(second!.via);
  });
});
