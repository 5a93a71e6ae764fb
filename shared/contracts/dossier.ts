import { z } from 'zod';
import type { AdvisoryMatch, CapabilityFinding, CredentialReference, DeployableUnit, EndpointReference, FrameworkUse, GuardrailFinding, LlmUse, McpServerEntry, PackageVersion, CandidateDecision, UntrustedInputFinding } from '../discovery';
import type { AgentDetail } from './agents';
import type { AgentCredentialLinks, BlastRadiusSummary } from './blast-radius';
import { method } from './method';
import type { AgentUsage } from './usage';

/**
 * The agent dossier: everything known about one agent, read once from the facts and decisions.
 * The agent page, the blast radius, triage, the report and the CLI all read this; none of them
 * computes the same fact again.
 */
export interface AgentDossier {
  agent: AgentDetail;
  /** The discovered candidates confirmed as, or merged into, this agent: where its code and config were seen. */
  sources: Array<{ identityKey: string; name: string; unit: DeployableUnit; sourceRoot: string; decision: CandidateDecision }>;
  llm: LlmUse[];
  frameworks: FrameworkUse[];
  capabilities: CapabilityFinding[];
  /** The servers its MCP client configurations launch or connect to, each once. */
  mcpServers: McpServerEntry[];
  endpoints: EndpointReference[];
  guardrails: GuardrailFinding[];
  /** Content from outside the organisation it reads (tickets, emails, documents, web pages, comments, chat). */
  untrustedInputs: UntrustedInputFinding[];
  packages: PackageVersion[];
  advisories: AdvisoryMatch[];
  /** Credentials its code and config name (env vars, CI secrets, roles, service accounts; secrets only as fingerprints). */
  codeCredentials: CredentialReference[];
  credentials: AgentCredentialLinks;
  blastRadius: BlastRadiusSummary;
  /** What it spent, when, on which keys and models; its activity state, budget and productive units. */
  usage: AgentUsage;
}

export const dossierContract = {
  agentDossier: method<AgentDossier>()(z.object({ id: z.string().min(1).max(100) })),
} as const;
