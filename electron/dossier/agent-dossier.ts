import { ensureAttribution } from '../usage/attribution';
import { agentUsage } from '../usage/usage-agents';
import type { AgentCredentialLinks, AgentDossier } from '../../shared/contract';
import type { AdvisoryMatch } from '../../shared/discovery';
import { getAgentDetail } from '../agents/agents-repository';
import { blastRadiusSummaryOf } from '../blast-radius/blast-radius';
import { identitySnapshot } from '../blast-radius/identity-snapshot';
import { candidatesJoinedTo, type AdvisoryLookup } from '../discovery/discovery-repository';
import { suggestionsFor } from '../iam/credential-links';
import { credentialLinkDecisions } from '../iam/iam-repository';
import type { Db } from '../store/workspace-file';

/** An agent's cloud identities: its links (automatic and decided) and, for the rest, suggestions with reasons. */
export function credentialLinksOf(db: Db, agentId: string): AgentCredentialLinks {
  getAgentDetail(db, agentId);
  const snapshot = identitySnapshot(db);
  const agent = snapshot.agents.get(agentId)!;
  const links = snapshot.links.get(agentId) ?? [];
  const unlinked = new Set(credentialLinkDecisions(db, agentId).filter((d) => d.decision === 'unlinked').map((d) => d.principalKey));
  const discovered = candidatesJoinedTo(db, agentId, () => []);
  const suggestions = suggestionsFor({ agent, discovered }, snapshot.principals, new Set(links.map((l) => l.principalKey)), unlinked);
  return { links, suggestions };
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/**
 * Everything known about one agent, read once: the registry record, the discovered units joined
 * to it (code, capabilities, credentials, endpoints, guardrails, packages, advisories), its cloud
 * identities and its blast radius. The agent page, the CLI and (later) triage and the report read
 * this instead of asking each store on their own.
 */
export function agentDossier(db: Db, agentId: string, advisories: AdvisoryLookup): AgentDossier {
  const agent = getAgentDetail(db, agentId);
  ensureAttribution(db);
  const units = candidatesJoinedTo(db, agentId, advisories);
  return {
    agent,
    sources: units.map((u) => ({ identityKey: u.identityKey, name: u.name, unit: u.unit, sourceRoot: u.sourceRoot, decision: u.decision })),
    llm: units.flatMap((u) => u.llm),
    frameworks: uniqueBy(units.flatMap((u) => u.frameworks), (f) => f.framework),
    capabilities: units.flatMap((u) => u.capabilities),
    endpoints: uniqueBy(units.flatMap((u) => u.endpoints), (e) => `${e.host}/${e.purpose}`),
    guardrails: units.flatMap((u) => u.guardrails),
    untrustedInputs: uniqueBy(units.flatMap((u) => u.untrustedInputs ?? []), (i) => `${i.kind}|${i.detail}|${i.evidence.path}:${i.evidence.line}`),
    packages: uniqueBy(units.flatMap((u) => u.packages), (p) => `${p.ecosystem}/${p.name}@${p.version}`),
    advisories: uniqueBy(
      units.flatMap((u) => u.advisories),
      (a: AdvisoryMatch) => `${a.id}/${a.package.name}@${a.package.version}`,
    ),
    codeCredentials: uniqueBy(units.flatMap((u) => u.credentials), (c) => `${c.kind}|${c.name}`),
    credentials: credentialLinksOf(db, agentId),
    blastRadius: blastRadiusSummaryOf(db, agentId),
    usage: agentUsage(db, agentId),
  };
}
