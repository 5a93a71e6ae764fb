import type { PrincipalFact, PrincipalKind, PrincipalRiskFact, StatementRef, TrustFact } from '../../../shared/iam';
import type { PolicyDocument, PolicyStatement } from './policy-document';
import { actionPattern, resourceCovers } from './wildcard';
import type { PermissionEntry } from './evaluate-permissions';

export const ANYONE_KEY = 'aws:*';

/** A role whose trust names its own account: who may assume it depends on their identity policies. */
export interface AccountTrust {
  roleArn: string;
  account: string;
  conditional: boolean;
  via: StatementRef;
}

export interface TrustReading {
  trusts: TrustFact[];
  risks: PrincipalRiskFact[];
  /** Principals named in the trust, as graph nodes (the pipeline keeps those it already has). */
  named: PrincipalFact[];
  accountTrusts: AccountTrust[];
}

const ASSUME = actionPattern('sts:AssumeRole*');

/** Reads a role's AssumeRolePolicyDocument: who can become this role, and whether that is anyone. */
export function readTrustPolicy(roleArn: string, roleName: string, document: PolicyDocument, accounts: ReadonlySet<string>): TrustReading {
  const reading: TrustReading = { trusts: [], risks: [], named: [], accountTrusts: [] };
  const policy = `trust policy of role ${roleName}`;
  for (const statement of document.statements) {
    if (statement.effect !== 'Allow' || !grantsAssume(statement)) continue;
    const via: StatementRef = { policy, policyKey: `trust:${roleArn}`, statement: statement.sid ?? `#${statement.position}`, text: statement.text };
    const conditional = statement.condition !== null;
    const add = (trusted: PrincipalFact, openToAnyone: boolean, foreignAccount: boolean) => {
      reading.named.push(trusted);
      reading.trusts.push({ principalKey: roleArn, trustedKey: trusted.key, trustedKind: trusted.kind, openToAnyone, foreignAccount, conditional, via });
      if (openToAnyone || foreignAccount) {
        reading.risks.push({
          principalKey: roleArn,
          riskClass: 'resource-exposure',
          detail: openToAnyone ? 'trust open to any AWS principal' : `trust lets ${trusted.name} assume it`,
          conditional,
          via,
        });
      }
    };
    // NotPrincipal with Allow trusts everyone but the few it names.
    if (statement.principal === '*' || statement.notPrincipal) {
      add(anyone(), true, false);
      continue;
    }
    for (const [type, names] of Object.entries(statement.principal ?? {})) {
      for (const name of names) {
        if (type === 'AWS') {
          if (name === '*') {
            add(anyone(), true, false);
            continue;
          }
          const trusted = awsPrincipal(name, accounts);
          const foreign = trusted.kind === 'foreign-account';
          add(trusted, false, foreign);
          if (trusted.kind === 'root') reading.accountTrusts.push({ roleArn, account: trusted.scope, conditional, via });
        } else if (type === 'Service' || type === 'Federated' || type === 'CanonicalUser') {
          add(named(name, 'service', type === 'CanonicalUser' ? `canonical user ${name}` : name, ''), false, false);
        }
      }
    }
  }
  return reading;
}

function grantsAssume(statement: PolicyStatement): boolean {
  if (statement.actions) return statement.actions.some((a) => a === '*' || ASSUME.test(a) || actionPattern(a).test('sts:AssumeRole'));
  if (statement.notActions) return !statement.notActions.some((a) => actionPattern(a).test('sts:AssumeRole'));
  return true;
}

function anyone(): PrincipalFact {
  return named(ANYONE_KEY, 'public', 'any AWS principal', '');
}

function named(key: string, kind: PrincipalKind, name: string, scope: string): PrincipalFact {
  return { key, provider: 'aws', kind, name, scope, createdAt: null, lastUsedAt: null, tags: {}, attributes: {} };
}

/** A trust policy's AWS principal: an account id, an account root, a role or user ARN, or a deleted principal's unique id. */
export function awsPrincipal(value: string, accounts: ReadonlySet<string>): PrincipalFact {
  if (/^\d{12}$/.test(value)) return accountPrincipal(value, accounts);
  // AWS rewrites a trusted principal that was deleted to its unique id (AROA... for roles, AIDA... for users).
  if (/^(AROA|AIDA)[A-Z0-9]+$/.test(value)) {
    return { ...named(value, value.startsWith('AROA') ? 'role' : 'user', `deleted ${value.startsWith('AROA') ? 'role' : 'user'} (${value})`, ''), attributes: { deleted: 'true' } };
  }
  const m = /^arn:aws[\w-]*:(iam|sts)::(\d{12}):(.+)$/.exec(value);
  if (!m) return named(value, 'service', value, '');
  const [, , account, rest] = m as unknown as [string, string, string, string];
  if (rest === 'root') return accountPrincipal(account, accounts);
  const foreign = !accounts.has(account);
  const kind: PrincipalKind = foreign ? 'foreign-account' : rest.startsWith('user/') ? 'user' : 'role';
  const shortName = rest.slice(rest.lastIndexOf('/') + 1);
  return named(value, kind, foreign ? `${shortName} in account ${account}` : shortName, account);
}

function accountPrincipal(account: string, accounts: ReadonlySet<string>): PrincipalFact {
  const key = `arn:aws:iam::${account}:root`;
  return accounts.has(account) ? named(key, 'root', `root of ${account}`, account) : named(key, 'foreign-account', `account ${account}`, account);
}

/**
 * A trust naming its own account delegates to identity policies: every user or role whose
 * effective permissions allow sts:AssumeRole on the role can assume it.
 */
export function resolveAccountTrusts(
  accountTrusts: readonly AccountTrust[],
  assumers: readonly { principal: PrincipalFact; entries: readonly PermissionEntry[] }[],
): TrustFact[] {
  if (accountTrusts.length === 0) return [];
  const grants: { principal: PrincipalFact; resource: string; conditional: boolean }[] = [];
  for (const { principal, entries } of assumers) {
    for (const entry of entries) {
      if (entry.actions.some((a) => a.name === 'sts:AssumeRole')) grants.push({ principal, resource: entry.target.resource, conditional: entry.conditional });
    }
  }
  const trusts: TrustFact[] = [];
  for (const trust of accountTrusts) {
    const seen = new Set<string>();
    for (const grant of grants) {
      if (grant.principal.key === trust.roleArn || grant.principal.scope !== trust.account || seen.has(grant.principal.key)) continue;
      if (!resourceCovers(grant.resource, trust.roleArn)) continue;
      seen.add(grant.principal.key);
      trusts.push({
        principalKey: trust.roleArn,
        trustedKey: grant.principal.key,
        trustedKind: grant.principal.kind,
        openToAnyone: false,
        foreignAccount: false,
        conditional: trust.conditional || grant.conditional,
        via: trust.via,
      });
    }
  }
  return trusts;
}
