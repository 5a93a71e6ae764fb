import type { BlastPath } from '../../shared/blast-radius';
import type { AgentDossier } from '../../shared/contract';
import type { Evidence } from '../../shared/discovery';
import { ACCESS_LEVELS, accessRank, type AccessLevel } from '../../shared/iam';
import { REVIEW_SNAPSHOT_VERSION, type ReviewedDataAccess, type ReviewedFact, type ReviewSnapshot } from '../../shared/review';
import { IRREVERSIBLE_KINDS } from '../triage/checklist-facts';

/** How many days of spend a review keeps: the baseline the next spend is compared against. */
export const SPEND_BASELINE_DAYS = 30;

const where = (e: Evidence) => (e.line > 0 ? `${e.path}:${e.line}` : e.path);

/** Cloud access that can change or remove data; `list` and `read` only look. */
const WRITING_LEVELS: ReadonlySet<AccessLevel> = new Set(ACCESS_LEVELS.filter((l) => accessRank(l) >= accessRank('write')));

/** The registry's "other: <word>" accesses that change data (delete, admin...) count as write; send, publish do not. */
const registryAccessWrites = (access: string) => access === 'write' || /^other: .*\b(delete|admin|write|update|modify|drop|truncate)\b/.test(access);

function uniqueSorted<T extends ReviewedFact>(facts: T[]): T[] {
  const byKey = new Map<string, T>();
  for (const fact of facts) if (!byKey.has(fact.key)) byKey.set(fact.key, fact);
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** One entry per data source reached through the cloud, at the highest access any path gives. */
function cloudReach(paths: readonly BlastPath[]): ReviewedDataAccess[] {
  const best = new Map<string, BlastPath>();
  for (const path of paths) {
    const seen = best.get(path.dataSourceKey);
    if (!seen || accessRank(path.access) > accessRank(seen.access)) best.set(path.dataSourceKey, path);
  }
  return [...best.values()].map((p) => ({
    key: `cloud:${p.dataSourceKey}`,
    label: p.dataSourceName,
    evidence: [p.credential, ...p.principals].join(' → '),
    access: p.access,
    writes: WRITING_LEVELS.has(p.access),
    environment: p.environment,
    sensitivity: p.sensitivity,
  }));
}

/**
 * The facts of a dossier a review looks at, in a compact, stable shape (sorted, keyed, no row
 * ids or timestamps), so two snapshots of an unchanged agent are equal. `paths` is every blast
 * radius path of the agent (the dossier keeps only the worst few).
 */
export function reviewSnapshotOf(dossier: AgentDossier, paths: readonly BlastPath[]): ReviewSnapshot {
  const { agent, usage } = dossier;
  const daily = usage.daily.slice(-SPEND_BASELINE_DAYS);
  return {
    v: REVIEW_SNAPSHOT_VERSION,
    owner: agent.owner ? (agent.owner.email ? `${agent.owner.name} <${agent.owner.email}>` : agent.owner.name) : null,
    trigger: agent.trigger.schedule ? `${agent.trigger.kind} (${agent.trigger.schedule})` : agent.trigger.kind,
    credentials: uniqueSorted([
      ...agent.credentials.map((name) => ({ key: `registry:${name}`, label: name, evidence: 'registry' })),
      ...dossier.codeCredentials.map((c) => ({ key: `code:${c.kind}:${c.name}`, label: `${c.kind} ${c.name}`, evidence: where(c.evidence) })),
      ...dossier.credentials.links.map((l) => ({
        key: `cloud:${l.principalKey}`,
        label: `${l.principalKind} ${l.principalName} (${l.provider} ${l.scope})`,
        evidence: `${l.credential}: ${l.reason}`,
      })),
    ]),
    dataAccess: uniqueSorted([
      ...agent.dataAccess.map((d) => ({
        key: `registry:${d.source}`,
        label: d.source,
        evidence: 'registry',
        access: d.access,
        writes: registryAccessWrites(d.access),
        environment: null,
        sensitivity: null,
      })),
      ...cloudReach(paths),
    ]),
    capabilities: uniqueSorted(
      dossier.capabilities.map((c) => ({
        key: `${c.kind}|${c.detail}|${c.tool ?? ''}`,
        label: c.tool ? `${c.kind} ${c.detail} in tool ${c.tool}` : `${c.kind} ${c.detail}`,
        evidence: where(c.evidence),
        kind: c.kind,
        tool: c.tool,
        irreversible: IRREVERSIBLE_KINDS.includes(c.kind),
      })),
    ),
    tools: uniqueSorted(
      [...dossier.capabilities, ...dossier.untrustedInputs]
        .filter((c) => c.tool !== null)
        .map((c) => ({ key: c.tool!, label: c.tool!, evidence: where(c.evidence) })),
    ),
    endpoints: uniqueSorted(dossier.endpoints.map((e) => ({ key: `${e.host}|${e.purpose}`, label: `${e.host} (${e.purpose})`, evidence: where(e.evidence) }))),
    models: uniqueSorted([
      ...dossier.llm.flatMap((l) =>
        l.models.length === 0
          ? [{ key: `${l.provider}|`, label: l.provider, evidence: where(l.evidence) }]
          : l.models.map((m) => ({ key: `${l.provider}|${m}`, label: `${l.provider} ${m}`, evidence: where(l.evidence) })),
      ),
      ...usage.models.map((m) => ({ key: `usage|${m}`, label: `${m} (in usage)`, evidence: 'imported usage' })),
    ]),
    frameworks: uniqueSorted(dossier.frameworks.map((f) => ({ key: f.framework, label: f.framework, evidence: where(f.evidence) }))),
    untrustedInputs: uniqueSorted(
      dossier.untrustedInputs.map((i) => ({ key: `${i.kind}|${i.detail}`, label: `${i.kind}: ${i.detail}`, evidence: where(i.evidence) })),
    ),
    advisories: uniqueSorted(
      dossier.advisories.map((a) => ({
        key: `${a.id}|${a.package.ecosystem}/${a.package.name}@${a.package.version}`,
        label: `${a.id} in ${a.package.name} ${a.package.version}${a.severity ? ` (${a.severity})` : ''}`,
        evidence: a.package.lockfile,
      })),
    ),
    spend: {
      through: daily.length > 0 ? daily[daily.length - 1]!.day : null,
      daily,
      totals: { costUsd: usage.totals.costUsd, tokens: usage.totals.totalTokens, requests: usage.totals.requests },
    },
  };
}
