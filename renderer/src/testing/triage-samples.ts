import type { AnswerCard, IrreversibleAction, IrreversibleRegisterRow } from '../../../shared/answer-card';
import type { AgentTriage } from '../../../shared/contract';
import type { ChecklistRow, RiskScore, TriageRow } from '../../../shared/checklist';
import { CHECKLIST_ITEMS, type ChecklistItemKey } from '../../../shared/checklist';

/** Realistic triage answers for slice and component tests (shapes as the engine returns them). */

export const riskScore = (over: Partial<RiskScore> = {}): RiskScore => ({
  sensitivity: 0.9,
  sensitivityBecause: 'Writes payments-prod (restricted) through role payments-writer',
  monitoringGap: 0.75,
  monitoringBecause: '3 of 4 monitoring checks not passed: execution logging, tagged LLM calls, daily budget',
  irreversibleUnreviewed: 2,
  volumePerDay: 412.5,
  score: 0.675,
  tier: 'P0',
  ...over,
});

export const triageRow = (over: Partial<TriageRow> = {}): TriageRow => ({
  agentId: 'a-collections',
  name: 'Collections Reminder Bot',
  owner: 'Dana Whitfield',
  risk: riskScore(),
  counts: { pass: 6, fail: 5, unknown: 4 },
  failing: ['h48.llm-keys-distinct', 'h48.execution-logging', 'h48.irreversible-reviewed'],
  exposure: { inputs: 1, worst: true },
  answered: 1,
  reach: { dataSources: 14, writable: 3, sensitivity: 'restricted' },
  advisories: { count: 2, worstSeverity: 'HIGH' },
  ...over,
});

export const sampleTriageOverview = (): TriageRow[] => [
  triageRow(),
  triageRow({
    agentId: 'a-kyc',
    name: 'KYC Document Reviewer',
    owner: 'Priya Nair',
    risk: riskScore({ sensitivity: 0.7, monitoringGap: 0.5, score: 0.35, tier: 'P1', irreversibleUnreviewed: 0, volumePerDay: 88 }),
    counts: { pass: 9, fail: 2, unknown: 4 },
    failing: ['h48.no-shell'],
    answered: 4,
  }),
  triageRow({
    agentId: 'a-digest',
    name: 'Weekly Metrics Digest',
    owner: null,
    risk: riskScore({ sensitivity: null, sensitivityBecause: 'No grant or registry entry says what it reads', monitoringGap: 0.25, score: 0.125, tier: 'P3', irreversibleUnreviewed: 0, volumePerDay: null }),
    counts: { pass: 3, fail: 0, unknown: 12 },
    failing: [],
    answered: 2,
  }),
];

export const sampleAnswerCard = (): AnswerCard => ({
  access: {
    answered: true,
    summary: 'Its credentials reach 3 data sources, the most sensitive restricted with write access.',
    gaps: [],
    evidence: [{ text: 'IAM role collections-bot → payments-prod.ledger (prod, restricted): write' }],
  },
  prevented: {
    answered: false,
    summary: '0 guardrails found in code; 1 of 4 prevention checks pass.',
    gaps: ['No guardrail (input schema, human approval, output check, injection scan, token limit) was found in its code.', 'Irreversible actions reviewed: fails. It takes actions that cannot be undone within five minutes, with no human review step found.'],
    evidence: [{ text: 'passes: No shell execution' }],
  },
  owner: { answered: true, summary: 'Dana Whitfield <dana.whitfield@northwindpay.example>', gaps: [], evidence: [{ text: 'Dana Whitfield <dana.whitfield@northwindpay.example>' }] },
  detect: {
    answered: false,
    summary: 'Has Dana Whitfield to notify; 2 parts missing.',
    gaps: ['No execution logging or tracing: No tracing or logging setup was found in its code.', 'No budget alert: No daily token or cost cap is set (Usage, Budgets).'],
    evidence: [{ text: 'notify Dana Whitfield <dana.whitfield@northwindpay.example>' }],
  },
});

export const irreversibleAction = (over: Partial<IrreversibleAction> = {}): IrreversibleAction => ({
  kind: 'external-communication',
  detail: 'smtplib.SMTP.send_message',
  tool: 'send_reminder',
  where: { text: 'smtp.send_message(msg)', path: 'collections/mailer.py', line: 42 },
  target: null,
  reviewStatus: 'unreviewed',
  reviewEvidence: [],
  conflict: false,
  ...over,
});

export const registryRow = (over: Partial<IrreversibleRegisterRow> = {}): IrreversibleRegisterRow => ({
  ...irreversibleAction(),
  agentId: 'a-collections',
  agentName: 'Collections Reminder Bot',
  owner: 'Dana Whitfield',
  ...over,
});

export const sampleRegister = (): IrreversibleRegisterRow[] => [
  registryRow(),
  registryRow({
    kind: 'production-write',
    detail: 'payments-prod.ledger: write',
    tool: null,
    where: { text: 'IAM role collections-bot → payments-writer → payments-prod.ledger' },
    target: { dataSourceKey: 'aws:s3:payments-prod.ledger', sensitivity: 'restricted', access: 'write' },
  }),
  registryRow({
    agentId: 'a-kyc',
    agentName: 'KYC Document Reviewer',
    owner: 'Priya Nair',
    kind: 'data-delete',
    detail: 'DELETE FROM kyc_documents',
    tool: 'purge_document',
    where: { text: 'cur.execute("DELETE FROM kyc_documents WHERE id = %s")', path: 'kyc/purge.py', line: 18 },
    reviewStatus: 'reviewed-in-code',
    reviewEvidence: [{ text: 'approval step: interrupt_before=["purge_document"]', path: 'kyc/graph.py', line: 57 }],
  }),
];

export const checklistRow = (key: ChecklistItemKey, over: Partial<ChecklistRow> = {}): ChecklistRow => ({
  key,
  verdict: 'unknown',
  because: 'No import says this yet; a code scan of its repository would settle it.',
  evidence: [],
  attestation: null,
  conflict: false,
  ...over,
});

export const sampleAgentTriage = (agentId = 'a-collections'): AgentTriage => ({
  agentId,
  risk: riskScore(),
  exposure: {
    inputs: [{ kind: 'email', detail: 'imaplib.IMAP4_SSL().fetch', evidence: { text: 'imaplib.IMAP4_SSL().fetch (in tool read_replies)', path: 'collections/inbox.py', line: 31 } }],
    scan: null,
    irreversibleActions: 2,
    humanReview: false,
    worst: true,
  },
  answers: sampleAnswerCard(),
  irreversible: [irreversibleAction(), irreversibleAction({ kind: 'production-write', detail: 'payments-prod.ledger: write', tool: null, where: { text: 'IAM role collections-bot → payments-writer → payments-prod.ledger' }, target: { dataSourceKey: 'aws:s3:payments-prod.ledger', sensitivity: 'restricted', access: 'write' } })],
  checklist: CHECKLIST_ITEMS.map((item) => {
    if (item.key === 'h48.llm-keys-distinct')
      return checklistRow(item.key, {
        verdict: 'fail',
        because: 'Its OpenAI key is also used by the application layer.',
        evidence: [{ text: 'OPENAI_API_KEY read from the shared app secret', path: 'collections/config.py', line: 14 }, { text: 'Key sk-…9f2c used by 2 callers in the LiteLLM export' }],
      });
    if (item.key === 'registry.name') return checklistRow(item.key, { verdict: 'pass', because: 'Named in the registry.', evidence: [{ text: 'Registry row 12: Collections Reminder Bot' }] });
    return checklistRow(item.key);
  }),
});
