import type { DataSourceSummary, PrincipalSummary } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import { RISK_CLASSES, type RiskClass } from '../../shared/iam';
import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { getAgentDetail } from '../agents/agents-repository';
import { credentialLinksOf } from '../dossier/agent-dossier';
import { allRisks, dataSourceCountsByPrincipal, decideCredentialLink, decideDataSource } from '../iam/iam-repository';
import type { Db } from '../store/workspace-file';
import { blastRadiusOf, reachByDataSource, whoCanReach } from './blast-radius';
import { identitySnapshot } from './identity-snapshot';

const matchesText = (text: string | undefined, ...values: string[]) => !text?.trim() || values.some((v) => v.toLowerCase().includes(text.trim().toLowerCase()));

export function listDataSources(db: Db, filter: { text?: string | undefined; sensitivity?: string | undefined; environment?: string | undefined }): DataSourceSummary[] {
  const snapshot = identitySnapshot(db);
  const reach = reachByDataSource(db);
  return [...snapshot.dataSources.values()]
    .filter((d) => matchesText(filter.text, d.name, d.key, d.service, d.scope) && (!filter.sensitivity || d.sensitivity === filter.sensitivity) && (!filter.environment || d.environment === filter.environment))
    .map((d) => {
      const r = reach.get(d.key);
      return {
        key: d.key,
        name: d.name,
        provider: d.provider,
        service: d.service,
        kind: d.kind,
        scope: d.scope,
        wildcard: d.wildcard,
        environment: d.environment,
        sensitivity: d.sensitivity,
        classifiedBy: d.classifiedBy,
        because: d.because,
        tags: d.tags,
        agentCount: r?.agents.size ?? 0,
        principalCount: r?.principals.size ?? 0,
        highestAccess: r?.highest ?? null,
      };
    })
    .sort((a, b) => b.agentCount - a.agentCount || a.name.localeCompare(b.name));
}

/** Every principal with its risk classes, each with the policy and statement that gives it: how a cloud reviewer reads an account. */
export function listPrincipals(db: Db, filter: { risk?: RiskClass | undefined; text?: string | undefined }): PrincipalSummary[] {
  const snapshot = identitySnapshot(db);
  const risks = new Map<string, PrincipalSummary['risks']>();
  for (const r of allRisks(db)) risks.set(r.principalKey, [...(risks.get(r.principalKey) ?? []), { riskClass: r.riskClass, detail: r.detail, conditional: r.conditional, via: r.via }]);
  const counts = dataSourceCountsByPrincipal(db);
  return snapshot.principals.all
    .filter((p) => p.kind !== 'service' && matchesText(filter.text, p.name, p.key, p.scope))
    .map((p) => ({
      key: p.key,
      name: p.name,
      provider: p.provider,
      kind: p.kind,
      scope: p.scope,
      lastUsedAt: p.lastUsedAt,
      risks: (risks.get(p.key) ?? []).sort((a, b) => RISK_CLASSES.indexOf(a.riskClass) - RISK_CLASSES.indexOf(b.riskClass)),
      agents: (snapshot.agentsByPrincipal.get(p.key) ?? []).map(({ agentId }) => ({ id: agentId, name: snapshot.agents.get(agentId)?.name ?? agentId })),
      dataSourceCount: counts.get(p.key) ?? 0,
    }))
    .filter((p) => !filter.risk || p.risks.some((r) => r.riskClass === filter.risk))
    .sort((a, b) => b.risks.length - a.risks.length || a.name.localeCompare(b.name));
}

export function blastRadiusHandlers(session: Session) {
  const db = () => session.workspace().db;
  return {
    blastRadius: ({ agentId }) => blastRadiusOf(db(), agentId),
    whoCanReach: ({ dataSourceKey }) => whoCanReach(db(), dataSourceKey),
    listDataSources: (filter) => listDataSources(db(), filter),
    classifyDataSource: ({ key, environment, sensitivity }, ctx) => {
      if (!identitySnapshot(db()).dataSources.has(key)) throw new BackendError('not-found', `No data source ${key} in the imported exports; pick one from the list.`);
      decideDataSource(db(), key, { ...(environment !== undefined ? { environment } : {}), ...(sensitivity !== undefined ? { sensitivity } : {}) }, ctx);
      return listDataSources(db(), {}).find((d) => d.key === key)!;
    },
    listPrincipals: (filter) => listPrincipals(db(), filter),
    credentialLinks: ({ agentId }) => credentialLinksOf(db(), agentId),
    linkCredential: ({ agentId, principalKey, reason }, ctx) => {
      getAgentDetail(db(), agentId);
      if (!identitySnapshot(db()).principals.byKey.has(principalKey)) throw new BackendError('not-found', `No principal ${principalKey} in the imported exports; pick one from the list.`);
      decideCredentialLink(db(), agentId, principalKey, 'linked', reason, ctx);
      return credentialLinksOf(db(), agentId);
    },
    unlinkCredential: ({ agentId, principalKey, reason }, ctx) => {
      getAgentDetail(db(), agentId);
      decideCredentialLink(db(), agentId, principalKey, 'unlinked', reason, ctx);
      return credentialLinksOf(db(), agentId);
    },
  } satisfies Partial<Handlers>;
}
