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
  }),
  triageRow({
    agentId: 'a-digest',
    name: 'Weekly Metrics Digest',
    owner: null,
    risk: riskScore({ sensitivity: null, sensitivityBecause: 'No grant or registry entry says what it reads', monitoringGap: 0.25, score: 0.125, tier: 'P3', irreversibleUnreviewed: 0, volumePerDay: null }),
    counts: { pass: 3, fail: 0, unknown: 12 },
    failing: [],
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
