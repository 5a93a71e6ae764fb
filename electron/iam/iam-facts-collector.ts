import type {
  AccessLevel,
  CloudCredentialFact,
  CloudProvider,
  DataSourceFact,
  GrantFact,
  IamFacts,
  IamFormat,
  MembershipFact,
  PrincipalFact,
  PrincipalRiskFact,
  RiskClass,
  StatementRef,
  TrustFact,
} from '../../shared/iam';
import { accessRank, RISK_CLASSES } from '../../shared/iam';
import { boundedJson, clipText } from './iam-json-input';

const MAX_ACTIONS = 50;
const MAX_WARNINGS = 200;

export function statementRef(policy: string, policyKey: string, statement: string, written: unknown): StatementRef {
  return { policy: clipText(policy, 500), policyKey: clipText(policyKey, 1000), statement: clipText(statement, 500), text: boundedJson(written) };
}

/** An action with the access it gives, so a grant can list the most severe ones first. */
export interface RatedAction {
  action: string;
  access: AccessLevel;
}

interface GrantDraft {
  fact: GrantFact;
  actions: Map<string, AccessLevel>;
  risks: Set<RiskClass>;
}

/**
 * Gathers the facts one file gives, merging repeats (the same member in two bindings of the same
 * role, the same data source named by many grants), so the store receives each fact once.
 */
export class IamFactsCollector {
  private readonly principals = new Map<string, PrincipalFact>();
  private readonly dataSources = new Map<string, DataSourceFact>();
  private readonly grants = new Map<string, GrantDraft>();
  private readonly risks = new Map<string, PrincipalRiskFact>();
  private readonly trusts = new Map<string, TrustFact>();
  private readonly credentials = new Map<string, CloudCredentialFact>();
  private readonly memberships = new Map<string, MembershipFact>();
  private readonly warnings = new Set<string>();
  private droppedWarnings = 0;

  constructor(
    readonly provider: CloudProvider,
    readonly format: IamFormat,
    readonly scope: string,
  ) {}

  addPrincipal(fact: Omit<PrincipalFact, 'provider' | 'tags' | 'createdAt' | 'lastUsedAt' | 'attributes'> & Partial<PrincipalFact>): PrincipalFact {
    const existing = this.principals.get(fact.key);
    if (existing) {
      for (const [name, value] of Object.entries(fact.attributes ?? {})) if (!Object.prototype.hasOwnProperty.call(existing.attributes, name)) existing.attributes[name] = value;
      if (!existing.createdAt && fact.createdAt) existing.createdAt = fact.createdAt;
      if (existing.name === existing.key && fact.name !== fact.key) existing.name = fact.name;
      return existing;
    }
    const created: PrincipalFact = {
      key: fact.key,
      provider: this.provider,
      kind: fact.kind,
      name: clipText(fact.name, 500),
      scope: fact.scope,
      createdAt: fact.createdAt ?? null,
      lastUsedAt: fact.lastUsedAt ?? null,
      tags: { ...(fact.tags ?? {}) },
      attributes: { ...(fact.attributes ?? {}) },
    };
    this.principals.set(created.key, created);
    return created;
  }

  hasPrincipal(key: string): boolean {
    return this.principals.has(key);
  }

  addDataSource(fact: Omit<DataSourceFact, 'provider' | 'tags'> & { tags?: Record<string, string> }): DataSourceFact {
    const existing = this.dataSources.get(fact.key);
    if (existing) return existing;
    const created: DataSourceFact = { ...fact, name: clipText(fact.name, 500), provider: this.provider, tags: { ...(fact.tags ?? {}) } };
    this.dataSources.set(created.key, created);
    return created;
  }

  addGrant(grant: { principalKey: string; dataSourceKey: string; actions: RatedAction[]; riskClasses: Iterable<RiskClass>; conditional: boolean; via: StatementRef }): void {
    if (grant.actions.length === 0) return;
    const id = [grant.principalKey, grant.dataSourceKey, grant.via.policyKey, grant.via.statement, grant.conditional].join('\u0000');
    let draft = this.grants.get(id);
    if (!draft) {
      draft = {
        fact: { principalKey: grant.principalKey, dataSourceKey: grant.dataSourceKey, access: 'list', actions: [], riskClasses: [], conditional: grant.conditional, via: grant.via },
        actions: new Map(),
        risks: new Set(),
      };
      this.grants.set(id, draft);
    }
    for (const { action, access } of grant.actions) draft.actions.set(action, access);
    for (const risk of grant.riskClasses) draft.risks.add(risk);
  }

  addRisk(risk: PrincipalRiskFact): void {
    const id = [risk.principalKey, risk.riskClass, risk.detail, risk.via.policyKey, risk.via.statement].join('\u0000');
    if (!this.risks.has(id)) this.risks.set(id, { ...risk, detail: clipText(risk.detail, 500) });
  }

  addTrust(trust: TrustFact): void {
    const id = [trust.principalKey, trust.trustedKey, trust.via.policyKey, trust.via.statement].join('\u0000');
    const existing = this.trusts.get(id);
    if (!existing) this.trusts.set(id, trust);
    else if (!trust.conditional) existing.conditional = false;
  }

  addCredential(credential: CloudCredentialFact): void {
    if (!this.credentials.has(credential.key)) this.credentials.set(credential.key, credential);
  }

  addMembership(membership: MembershipFact): void {
    this.memberships.set(`${membership.memberKey}\u0000${membership.groupKey}`, membership);
  }

  warn(message: string): void {
    if (this.warnings.has(message)) return;
    if (this.warnings.size >= MAX_WARNINGS) this.droppedWarnings++;
    else this.warnings.add(clipText(message, 1000));
  }

  get dataSourceCount(): number {
    return this.dataSources.size;
  }

  get principalCount(): number {
    return this.principals.size;
  }

  finish(counts: Record<string, number>): IamFacts {
    const grants = [...this.grants.values()].map(({ fact, actions, risks }) => {
      const rated = [...actions].sort((a, b) => accessRank(b[1]) - accessRank(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return {
        ...fact,
        access: rated[0]![1],
        actions: rated.slice(0, MAX_ACTIONS).map(([action]) => action),
        riskClasses: RISK_CLASSES.filter((risk) => risks.has(risk)),
      };
    });
    const warnings = [...this.warnings];
    if (this.droppedWarnings > 0) warnings.push(`${this.droppedWarnings} more warnings were left out.`);
    return {
      provider: this.provider,
      format: this.format,
      scope: this.scope,
      principals: [...this.principals.values()],
      memberships: [...this.memberships.values()],
      trusts: [...this.trusts.values()],
      credentials: [...this.credentials.values()],
      dataSources: [...this.dataSources.values()],
      grants,
      risks: [...this.risks.values()],
      counts,
      warnings,
    };
  }
}
