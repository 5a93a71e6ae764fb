import { describe, expect, it } from 'vitest';
import { AgentDraft, DEFAULT_AGENT_FIELDS, type AgentFields } from '../../shared/agent';
import { seededRandom, type Random } from '../fuzz/mutations';
import { FAST_CHECKED_ITEMS, surelyValidAgent } from './draft-fast-check';

const WELL_FORMED: AgentFields = {
  ...DEFAULT_AGENT_FIELDS,
  name: 'Refund Triage Bot',
  status: 'confirmed',
  trigger: { kind: 'webhook', schedule: 'POST /hooks/refund' },
  dataAccess: [
    { source: 'payments.refunds', access: 'write' },
    { source: 'sendgrid', access: 'other: send' },
  ],
  credentials: ['STRIPE_SECRET_KEY', 'SENDGRID_KEY'],
  owner: { name: 'Priya Nair', email: 'priya.nair@fintech.example' },
  lastReviewed: '2026-02-28',
  rollback: { procedure: 'Disable the webhook in Stripe.', lastRehearsed: '2024-02-29' },
  description: 'Answers refund requests.',
  vendor: 'internal',
  environment: 'production',
  notes: { Team: 'Payments', Ticket: 'OPS-1234' },
};

/** Values around every limit and rule of the schema: lengths at and past each bound, padding, odd emails and dates. */
function pieceOfText(random: Random, around: number): string {
  const length = Math.max(0, around + Math.floor(random() * 5) - 2);
  const pad = [' ', '\t', '\n', '\u00a0', ''][Math.floor(random() * 5)]!;
  const body = 'x'.repeat(length);
  const shape = random();
  return shape < 0.6 ? body : shape < 0.75 ? `${pad}${body}` : shape < 0.9 ? `${body}${pad}` : pad.repeat(length);
}

const EMAILS = ['', 'a@b.co', 'priya.nair@fintech.example', 'o.brien+tag@sub.example.co', 'a..b@x.com', '.a@x.com', 'a@x', 'a@-x.com', ' a@b.co', 'a@b.co ', 'ü@x.com', `${'a'.repeat(310)}@example.com`, '@x.com'];
const DATES = [null, '2026-02-28', '2024-02-29', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-01', ' 2026-01-01', '2026-04-31', 'tomorrow'];
const ACCESSES = ['read', 'write', 'other: send', 'other: not stated', 'other:', 'other:  send', 'other: send ', 'READ', '', `other: ${'s'.repeat(80)}`, `other: ${'s'.repeat(81)}`];
const LIMITS = { name: 200, schedule: 300, source: 300, credential: 300, ownerName: 200, text: 10_000, vendor: 200, environment: 100, noteHeader: 200 };

function mutatedAgent(random: Random): AgentFields {
  const agent: AgentFields = structuredClone(WELL_FORMED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  for (let changes = 1 + Math.floor(random() * 3); changes > 0; changes--) {
    switch (Math.floor(random() * 14)) {
      case 0: agent.name = pieceOfText(random, pick([0, 1, LIMITS.name])); break;
      case 1: agent.status = pick(['candidate', 'retired', 'active', ''] as AgentFields['status'][]); break;
      case 2: agent.trigger = { kind: pick(['cron', 'chained', 'daily'] as Array<AgentFields['trigger']['kind']>), schedule: random() < 0.3 ? null : pieceOfText(random, pick([0, LIMITS.schedule])) }; break;
      case 3: agent.dataAccess = Array.from({ length: pick([0, 1, FAST_CHECKED_ITEMS, FAST_CHECKED_ITEMS + 1, 500, 501]) }, () => ({ source: pieceOfText(random, pick([1, LIMITS.source])), access: pick(ACCESSES) as AgentFields['dataAccess'][number]['access'] })); break;
      case 4: agent.dataAccess = [{ source: pieceOfText(random, pick([0, 1, LIMITS.source])), access: pick(ACCESSES) as AgentFields['dataAccess'][number]['access'] }]; break;
      case 5: agent.credentials = Array.from({ length: pick([0, 2, FAST_CHECKED_ITEMS, FAST_CHECKED_ITEMS + 1, 501]) }, () => pieceOfText(random, pick([0, 1, LIMITS.credential]))); break;
      case 6: agent.owner = random() < 0.2 ? null : { name: pieceOfText(random, pick([0, 1, LIMITS.ownerName])), email: pick(EMAILS) }; break;
      case 7: agent.lastReviewed = pick(DATES); break;
      case 8: agent.rollback = { procedure: random() < 0.3 ? null : pieceOfText(random, pick([0, LIMITS.text])), lastRehearsed: pick(DATES) }; break;
      case 9: agent.description = pieceOfText(random, pick([0, LIMITS.text])); break;
      case 10: agent.vendor = pieceOfText(random, pick([0, LIMITS.vendor])); break;
      case 11: agent.environment = pieceOfText(random, pick([0, LIMITS.environment])); break;
      case 12: agent.notes = { [pieceOfText(random, pick([1, LIMITS.noteHeader]))]: pieceOfText(random, pick([0, LIMITS.text])) }; break;
      default: agent.notes = Object.fromEntries([['__proto__', 'x'], ['', '']]); break;
    }
  }
  return agent;
}

describe('the fast check of a registry row’s agent', () => {
  it('passes the common well-formed agent, so the schema is asked only about the unusual ones', () => {
    expect(surelyValidAgent(WELL_FORMED)).toBe(true);
    expect(surelyValidAgent({ ...DEFAULT_AGENT_FIELDS, name: 'a' })).toBe(true);
  });

  it('never passes an agent the schema refuses, around every limit and rule of the schema', () => {
    const random = seededRandom(13);
    let refusedBySchema = 0;
    let passedFast = 0;
    for (let i = 0; i < 6_000; i++) {
      const agent = mutatedAgent(random);
      const valid = AgentDraft.safeParse(agent).success;
      const fast = surelyValidAgent(agent);
      if (fast) expect(valid, JSON.stringify(agent).slice(0, 400)).toBe(true);
      if (!valid) refusedBySchema++;
      if (fast) passedFast++;
    }
    // Both answers occur often: the generated agents really probe the boundaries.
    expect(refusedBySchema).toBeGreaterThan(1_500);
    expect(passedFast).toBeGreaterThan(600);
  });

  it('checks lists only as long as the schema takes them', () => {
    const long = { ...WELL_FORMED, credentials: Array.from({ length: FAST_CHECKED_ITEMS }, (_, i) => `KEY_${i}`) };
    expect(AgentDraft.safeParse(long).success).toBe(true);
    expect(surelyValidAgent(long)).toBe(true);
    // Longer lists are left to the schema, whatever they hold.
    expect(surelyValidAgent({ ...long, credentials: [...long.credentials, 'ONE_MORE'] })).toBe(false);
  });
});
