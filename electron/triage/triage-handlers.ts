import type { ChecklistRow, TriageRow } from '../../shared/checklist';
import type { AgentTriage } from '../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import type { AdvisoryLookup } from '../discovery/discovery-repository';
import { agentDossier } from '../dossier/agent-dossier';
import { statement } from '../store/statements';
import type { Db } from '../store/workspace-file';
import { answeredCount } from '../../shared/answer-card';
import type { IrreversibleRegisterRow } from '../../shared/answer-card';
import { answerCardOf } from './answer-card';
import { attest, attestationsOf } from './attestations';
import { evaluateChecklist } from './evaluate-checklist';
import { compareRegisterRows, irreversibleActionsRegisterOf } from './irreversible-register';
import { compareRisk, riskOf } from './risk-score';
import { untrustedExposureOf } from './untrusted-exposure';

/** The automatic verdicts with a person's attestations beside them; an attested "done" never hides a fail. */
export function agentTriage(db: Db, agentId: string, advisories: AdvisoryLookup): AgentTriage & { name: string; owner: string | null } {
  const dossier = agentDossier(db, agentId, advisories);
  const attestations = attestationsOf(db, agentId);
  const checklist: ChecklistRow[] = evaluateChecklist(dossier).map((v) => {
    const attestation = attestations.get(v.key) ?? null;
    return { ...v, attestation, conflict: v.verdict === 'fail' && attestation?.status === 'done' };
  });
  const exposure = untrustedExposureOf(dossier, checklist);
  const answers = answerCardOf(dossier, checklist, exposure);
  const irreversible = irreversibleActionsRegisterOf(dossier, checklist);
  return { agentId, name: dossier.agent.name, owner: dossier.agent.owner?.name ?? null, checklist, risk: riskOf(dossier, checklist), exposure, answers, irreversible };
}

/** Every agent's checklist, risk and exposure: the overview, the plan and the report read this, never a loop of their own. */
export function everyAgentTriage(db: Db, advisories: AdvisoryLookup): Array<AgentTriage & { name: string; owner: string | null }> {
  const ids = (statement(db, 'SELECT id FROM agents ORDER BY name COLLATE NOCASE').all() as Array<{ id: string }>).map((r) => r.id);
  return ids.map((id) => agentTriage(db, id, advisories));
}

export function triageOverview(db: Db, advisories: AdvisoryLookup): TriageRow[] {
  return everyAgentTriage(db, advisories)
    .map((t) => {
      const counts = { pass: 0, fail: 0, unknown: 0 };
      for (const row of t.checklist) counts[row.verdict]++;
      const failing = t.checklist.filter((r) => r.verdict === 'fail' || r.attestation?.status === 'not-done').map((r) => r.key);
      return { agentId: t.agentId, name: t.name, owner: t.owner, risk: t.risk, counts, failing, exposure: { inputs: t.exposure.inputs.length, worst: t.exposure.worst }, answered: answeredCount(t.answers) };
    })
    .sort((a, b) => compareRisk(a.risk, b.risk) || a.name.localeCompare(b.name));
}

/** Every agent's irreversible actions in one table, unreviewed first. */
export function irreversibleRegister(db: Db, advisories: AdvisoryLookup): IrreversibleRegisterRow[] {
  return everyAgentTriage(db, advisories)
    .flatMap((t) => t.irreversible.map((a) => ({ ...a, agentId: t.agentId, agentName: t.name, owner: t.owner })))
    .sort(compareRegisterRows);
}

export function triageHandlers(session: Session) {
  const db = () => session.workspace().db;
  return {
    agentChecklist: ({ agentId }) => {
      const { checklist, risk, exposure, answers, irreversible } = agentTriage(db(), agentId, session.advisoryLookup());
      return { agentId, checklist, risk, exposure, answers, irreversible };
    },
    triageOverview: () => triageOverview(db(), session.advisoryLookup()),
    irreversibleRegister: () => irreversibleRegister(db(), session.advisoryLookup()),
    attestChecklistItem: ({ agentId, key, status, note }, ctx) => {
      attest(db(), agentId, key as ChecklistRow['key'], status, note, ctx);
      return agentTriage(db(), agentId, session.advisoryLookup()).checklist.find((r) => r.key === key)!;
    },
  } satisfies Partial<Handlers>;
}
