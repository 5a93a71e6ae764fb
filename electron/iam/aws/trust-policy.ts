import type { AssumeGrantFact, PrincipalFact, PrincipalKind, PrincipalRiskFact, StatementRef, TrustFact } from '../../../shared/iam';
import type { PolicyDocument, PolicyStatement } from './policy-document';
import { actionPattern } from './wildcard';
import type { PermissionEntry } from './evaluate-permissions';

export const ANYONE_KEY = 'aws:*';

/** A role whose trust names its own account: who may assume it depends on their identity policies. */
export interface TrustReading {
  trusts: TrustFact[];
  risks: PrincipalRiskFact[];
  /** Principals named in the trust, as graph nodes (the pipeline keeps those it already has). */
  named: PrincipalFact[];
}

const ASSUME = actionPattern('sts:AssumeRole*');

/** Reads a role's AssumeRolePolicyDocument: who can become this role, and whether that is anyone. */
export function readTrustPolicy(roleArn: string, roleName: string, document: PolicyDocument, accounts: ReadonlySet<string>): TrustReading {
  const reading: TrustReading = { trusts: [], risks: [], named: [] };
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
 * Who may assume roles that trust their own account: each principal's sts:AssumeRole allowances,
 * by resource pattern. A role trusting `arn:aws:iam::A:root` can be assumed by any principal of A
 * whose allowance covers the role's ARN; the blast radius joins the two when it walks, instead of
 * the import writing every (role, principal) pair: admins times account-trusting roles run to a
 * million in an organisation, almost all of them never asked about.
 */
export function assumeGrantsOf(assumers: readonly { principal: PrincipalFact; statements: readonly (readonly PermissionEntry[])[] }[]): AssumeGrantFact[] {
  const grants: AssumeGrantFact[] = [];
  for (const { principal, statements } of assumers) {
    const seen = new Set<string>();
    for (const entries of statements) {
      for (const entry of assumeEntries(entries)) {
        const key = `${entry.target.resource}\0${entry.conditional}`;
        if (seen.has(key)) continue;
        seen.add(key);
        grants.push({ principalKey: principal.key, resource: entry.target.resource, conditional: entry.conditional, via: entry.via });
      }
    }
  }
  return grants;
}

const assumeEntriesOf = new WeakMap<readonly PermissionEntry[], readonly PermissionEntry[]>();

/** The entries that allow sts:AssumeRole, once per shared list (an admin entry has thousands of actions). */
function assumeEntries(entries: readonly PermissionEntry[]): readonly PermissionEntry[] {
  let found = assumeEntriesOf.get(entries);
  if (!found) assumeEntriesOf.set(entries, (found = entries.filter((entry) => entry.actions.some((a) => a.name === 'sts:AssumeRole'))));
  return found;
}

