import { DEFAULT_AGENT_FIELDS } from '../../shared/agent';
import type { BlastPath } from '../../shared/blast-radius';
import type { Attestation, ChecklistRow } from '../../shared/checklist';
import type { AgentDossier, CredentialLink } from '../../shared/contract';
import type { CapabilityFinding, CapabilityKind, GuardrailFinding } from '../../shared/discovery';
import { evaluateChecklist } from './evaluate-checklist';
import { untrustedExposureOf } from './untrusted-exposure';

/** Dossiers for the triage engine's table tests: a well-kept agent by default, each test changing what it is about. */

export const evidence = (path: string, line: number) => ({ path, line, snippet: '', ruleId: 'test', confidence: 1 });
export const capability = (kind: CapabilityKind, detail: string, line = 10, tool: string | null = null): CapabilityFinding => ({ kind, detail, tool, evidence: evidence('agent/main.py', line) });
export const guardrail = (kind: GuardrailFinding['kind'], detail: string, line = 3): GuardrailFinding => ({ kind, detail, evidence: evidence('agent/main.py', line) });
export const codeSource = { identityKey: 'repo:code', name: 'worker', unit: { kind: 'code-entry-point' as const, name: 'worker', path: 'agent/main.py' }, sourceRoot: '/repo', decision: 'confirmed' as const };

export const link = (over: Partial<CredentialLink> = {}): CredentialLink => ({
  principalKey: 'arn:aws:iam::1:role/agent',
  principalName: 'agent-role',
  provider: 'aws',
  principalKind: 'role',
  scope: '1',
  how: 'registry',
  credential: 'IAM role agent-role',
  reason: '',
  sharedWith: [],
  ...over,
});

export const blastPath = (over: Partial<BlastPath> = {}): BlastPath => ({
  agentId: 'a1',
  agentName: 'Agent',
  credential: 'IAM role agent-role',
  principals: ['agent-role'],
  dataSourceKey: 'arn:aws:s3:::orders',
  dataSourceName: 'orders',
  environment: 'prod',
  sensitivity: 'confidential',
  access: 'read',
  conditional: false,
  riskClasses: [],
  via: [],
  ...over,
});

export type DossierChanges = { agent?: Partial<AgentDossier['agent']> } & Partial<Omit<AgentDossier, 'agent'>>;

/** An agent with every registry field filled, code scanned, nothing risky found, no identity and no usage. */
export function testDossier(over: DossierChanges = {}): AgentDossier {
  const { agent, ...rest } = over;
  return {
    agent: {
      ...DEFAULT_AGENT_FIELDS,
      id: 'a1',
      name: 'Invoice Agent',
      status: 'confirmed',
      trigger: { kind: 'cron', schedule: '0 6 * * *' },
      dataAccess: [{ source: 'orders', access: 'read' }],
      credentials: ['IAM role agent-role'],
      owner: { name: 'Maya Okafor', email: 'maya@example.com' },
      lastReviewed: '2026-11-20',
      rollback: { procedure: 'Disable the cron job; restore from the nightly snapshot.', lastRehearsed: null },
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      completeness: { filled: 7, total: 7, missing: [] },
      flags: [],
      ...agent,
    } as AgentDossier['agent'],
    sources: [codeSource],
    llm: [],
    frameworks: [],
    capabilities: [],
    mcpServers: [],
    endpoints: [],
    guardrails: [],
    untrustedInputs: [],
    codeCredentials: [],
    packages: [],
    advisories: [],
    credentials: { links: [], suggestions: [] },
    blastRadius: { dataSources: 0, bySensitivity: [], worstPaths: [], riskClasses: [], gaps: [] },
    usage: {
      keys: [],
      keysSharedWithApplication: [],
      taggedShare: null,
      totals: { totalTokens: 0, requests: 0 },
      budget: { dailyTokenCap: null, dailyCostCapUsd: null, daysOverCap: [] },
      units: [],
      daily: [],
    } as unknown as AgentDossier['usage'],
    ...rest,
  };
}

/** The checklist as the engine evaluates it, with a person's attestations beside the verdicts. */
export function testChecklist(d: AgentDossier, attestations: Record<string, Attestation> = {}): ChecklistRow[] {
  return evaluateChecklist(d, '2026-12-01').map((v) => {
    const attestation = attestations[v.key] ?? null;
    return { ...v, attestation, conflict: v.verdict === 'fail' && attestation?.status === 'done' };
  });
}

export const exposureOf = (d: AgentDossier, checklist: ChecklistRow[]) => untrustedExposureOf(d, checklist);
