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

/** A principal that may call sts:AssumeRole: its grants of it, in entry order. */
interface AssumeProfile {
  id: number;
  grants: { resourceId: number; conditional: boolean }[];
}

/**
 * A trust naming its own account delegates to identity policies: every user or role whose
 * effective permissions allow sts:AssumeRole on the role can assume it. `statements` are the
 * entries PermissionEvaluator.evaluateByStatement gives each principal.
 *
 * An organisation has hundreds of such trusts and hundreds of principals allowed to assume roles
 * (admins, NotAction statements), so the pairs run to a million: per pair this only reads an
 * array. Principals with the same sts:AssumeRole grants share a profile, and whether a grant's
 * resource covers a role is tested once per (distinct resource, trust).
 */
export function resolveAccountTrusts(
  accountTrusts: readonly AccountTrust[],
  assumers: readonly { principal: PrincipalFact; statements: readonly (readonly PermissionEntry[])[] }[],
): TrustFact[] {
  if (accountTrusts.length === 0) return [];
  const resources = new Interner<string>();
  const profiles = new Map<string, AssumeProfile>();
  const candidates: { principal: PrincipalFact; profile: AssumeProfile; repeated: boolean }[] = [];
  const keyCount = new Map<string, number>();
  for (const { principal, statements } of assumers) {
    const grants: AssumeProfile['grants'] = [];
    for (const entries of statements) {
      for (const entry of assumeEntries(entries)) grants.push({ resourceId: resources.id(entry.target.resource), conditional: entry.conditional });
    }
    if (grants.length === 0) continue;
    const signature = grants.map((g) => `${g.resourceId}${g.conditional ? 'c' : ''}`).join(',');
    let profile = profiles.get(signature);
    if (!profile) profiles.set(signature, (profile = { id: profiles.size, grants }));
    candidates.push({ principal, profile, repeated: false });
    keyCount.set(principal.key, (keyCount.get(principal.key) ?? 0) + 1);
  }
  for (const candidate of candidates) candidate.repeated = keyCount.get(candidate.principal.key)! > 1;
  const resourceList = resources.values();
  const covers = new Int8Array(resourceList.length);
  /** Per profile: -1 no grant covers the role, 0 an unconditional one does first, 1 a conditional one. */
  const verdicts = new Int8Array(profiles.size);
  const profileList = [...profiles.values()];
  const trusts: TrustFact[] = [];
  for (const trust of accountTrusts) {
    resourceList.forEach((resource, i) => (covers[i] = resourceCovers(resource, trust.roleArn) ? 1 : 0));
    for (const profile of profileList) {
      const first = profile.grants.find((g) => covers[g.resourceId] === 1);
      verdicts[profile.id] = first ? (first.conditional ? 1 : 0) : -1;
    }
    // A principal listed twice in the export is trusted once: the first time a grant covers the role.
    const seen = new Set<string>();
    for (const { principal, profile, repeated } of candidates) {
      const verdict = verdicts[profile.id]!;
      if (verdict < 0 || principal.key === trust.roleArn || principal.scope !== trust.account) continue;
      if (repeated) {
        if (seen.has(principal.key)) continue;
        seen.add(principal.key);
      }
      trusts.push({
        principalKey: trust.roleArn,
        trustedKey: principal.key,
        trustedKind: principal.kind,
        openToAnyone: false,
        foreignAccount: false,
        conditional: trust.conditional || verdict === 1,
        via: trust.via,
      });
    }
  }
  return trusts;
}

const assumeEntriesOf = new WeakMap<readonly PermissionEntry[], readonly PermissionEntry[]>();

/** The entries that allow sts:AssumeRole, once per shared list (an admin entry has thousands of actions). */
function assumeEntries(entries: readonly PermissionEntry[]): readonly PermissionEntry[] {
  let found = assumeEntriesOf.get(entries);
  if (!found) assumeEntriesOf.set(entries, (found = entries.filter((entry) => entry.actions.some((a) => a.name === 'sts:AssumeRole'))));
  return found;
}

/** Small ids for repeated values, so per-pair work reads arrays instead of hashing strings. */
class Interner<T> {
  private readonly ids = new Map<T, number>();
  id(value: T): number {
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.ids.size));
    return id;
  }
  values(): T[] {
    return [...this.ids.keys()];
  }
}
