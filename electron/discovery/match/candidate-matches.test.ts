import { describe, expect, it } from 'vitest';
import type { CredentialReference } from '../../../shared/discovery';
import { candidateMatches, nameSimilarity, normalisedSchedule, type MatchableAgent, type MatchableCandidate } from './candidate-matches';

const evidence = { path: 'x', line: 1, snippet: '', ruleId: 'r', confidence: 1 };
// Only the fields matching reads; the rest of a reference is about how it is shown.
const credential = (name: string, over: Partial<CredentialReference> = {}): CredentialReference =>
  ({ kind: 'env-var', name, provider: null, fingerprint: null, evidence, ...over }) as CredentialReference;

const candidate = (over: Partial<MatchableCandidate> = {}): MatchableCandidate => ({
  identityKey: 'repo:k8s-cronjob:k8s/cronjob.yaml#treasury-cash-forecaster',
  name: 'treasury-cash-forecaster',
  unit: { kind: 'k8s-cronjob', name: 'treasury-cash-forecaster', path: 'k8s/cronjob.yaml' },
  entryPoints: ['forecaster/run.py'],
  trigger: { kind: 'cron', schedule: '0 */4 * * *', description: '', evidence: null },
  credentials: [],
  sourceRoot: '/src/treasury',
  ...over,
});

let nextId = 0;
const agent = (over: Partial<MatchableAgent['record']> = {}, extra: Partial<Omit<MatchableAgent, 'record'>> = {}): MatchableAgent => ({
  record: { id: `a${++nextId}`, name: 'Unrelated', status: 'confirmed', trigger: { kind: 'unknown', schedule: null }, credentials: [], owner: null, ...over },
  originKey: null,
  linked: [],
  ...extra,
});

describe('nameSimilarity', () => {
  it('sees through case, separators, plurals and filler words', () => {
    expect(nameSimilarity('treasury-cash-forecaster', 'Treasury Cash Forecaster')).toBe(1);
    expect(nameSimilarity('nightly-ledger-reconciliation', 'Nightly Reconciliation Agent')).toBeCloseTo(0.8);
    expect(nameSimilarity('Weekly release notes/write-notes', 'Release Notes Writer')).toBeGreaterThan(0.8);
    expect(nameSimilarity('collections-reminders.ts', 'Collections Reminder Bot')).toBe(1);
  });
  it('keeps different agents apart', () => {
    expect(nameSimilarity('invoice-parser', 'Treasury Cash Forecaster')).toBe(0);
    expect(nameSimilarity('worker', 'Collections Reminder Bot')).toBe(0);
    expect(nameSimilarity('fraud-summary', 'Fraud Triage Copilot')).toBeLessThan(0.6);
  });
});

describe('normalisedSchedule', () => {
  it('writes AWS and crontab cron the same way', () => {
    expect(normalisedSchedule('cron(15 2 * * ? *)')).toEqual({ text: '15 2 * * *', isCron: true });
    expect(normalisedSchedule(' 15  2 * * * ')).toEqual({ text: '15 2 * * *', isCron: true });
  });
  it('compares other triggers as text', () => {
    expect(normalisedSchedule('POST /hooks/Disputes')).toEqual({ text: 'post /hooks/disputes', isCron: false });
  });
});

describe('candidateMatches', () => {
  it('proposes the registry agent with a similar name and the same schedule, and says why', () => {
    const treasury = agent({ name: 'Treasury Cash Forecaster', trigger: { kind: 'cron', schedule: '0 */4 * * *' }, owner: { name: 'Ana', email: '' } });
    const matches = candidateMatches(candidate(), [agent(), treasury]);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ agentId: treasury.record.id, agentName: 'Treasury Cash Forecaster', ownerName: 'Ana' });
    expect(matches[0]!.reasons.map((r) => r.kind)).toEqual(['name', 'schedule']);
    expect(matches[0]!.reasons[1]!.detail).toBe('same schedule 0 */4 * * *');
    expect(matches[0]!.score).toBeGreaterThan(0.8);
  });

  it('matches an AWS cron to the same crontab schedule', () => {
    const recon = agent({ name: 'Nightly Reconciliation Agent', trigger: { kind: 'cron', schedule: '15 2 * * *' } });
    const c = candidate({ name: 'nightly-ledger-reconciliation', trigger: { kind: 'cron', schedule: 'cron(15 2 * * ? *)', description: '', evidence: null } });
    expect(candidateMatches(c, [recon])[0]?.reasons.map((r) => r.kind)).toEqual(['name', 'schedule']);
  });

  it('a shared schedule alone, or a generic credential alone, is not a match', () => {
    const sameCron = agent({ name: 'Marketing Digest', trigger: { kind: 'cron', schedule: '0 */4 * * *' } });
    const sharedKey = agent({ name: 'Support Reply Drafter', credentials: ['OPENAI_API_KEY (support)'] });
    expect(candidateMatches(candidate({ credentials: [credential('OPENAI_API_KEY')] }), [sameCron, sharedKey])).toEqual([]);
  });

  it('counts a distinctive credential the registry names, but not one many agents share', () => {
    const disputes = agent({ name: 'Dispute Resolution Assistant', credentials: ['ZENDESK_API_TOKEN', 'SHARED_TOKEN'] });
    const others = [agent({ credentials: ['SHARED_TOKEN'] }), agent({ credentials: ['SHARED_TOKEN (x)'] })];
    const c = candidate({ name: 'disputes-agent', trigger: { kind: 'event', schedule: 'queue', description: '', evidence: null }, credentials: [credential('ZENDESK_API_TOKEN'), credential('SHARED_TOKEN')] });
    const [match] = candidateMatches(c, [disputes, ...others]);
    expect(match?.agentId).toBe(disputes.record.id);
    expect(match?.reasons).toEqual([
      { kind: 'name', detail: 'similar name (67%)' },
      { kind: 'credential', detail: 'same credential ZENDESK_API_TOKEN' },
    ]);
  });

  it('uses the entry point file name when the unit has a generic name', () => {
    const reminders = agent({ name: 'Collections Reminder Bot' });
    const c = candidate({ name: 'worker', entryPoints: ['src/workers/collections-reminders.ts'] });
    expect(candidateMatches(c, [reminders])[0]?.reasons[0]?.detail).toBe('similar name to its entry point collections-reminders.ts (100%)');
  });

  it('matches an agent already joined to a candidate with the same entry point, or the same secret value', () => {
    const earlier = candidate({ identityKey: 'repo:ci-job:other', name: 'nightly', credentials: [credential('KEY #ab12', { kind: 'hardcoded-secret', fingerprint: 'ab12' })] });
    const joined = agent({ name: 'Forecast job' }, { linked: [earlier] });
    const c = candidate({ name: 'forecast-cron', credentials: [credential('KEY #ab12', { kind: 'hardcoded-secret', fingerprint: 'ab12' })] });
    const [match] = candidateMatches(c, [joined]);
    expect(match?.reasons.map((r) => r.detail)).toEqual(['similar name (67%)', 'same entry point forecaster/run.py as nightly', 'same credential KEY #ab12 (the same secret value)']);
    // The same path in another scanned folder is another repository's file.
    expect(candidateMatches(candidate({ name: 'x', sourceRoot: '/src/other' }), [joined])).toEqual([]);
  });

  it('skips the agent the candidate itself was confirmed as before (confirming re-links it), and orders by score', () => {
    const c = candidate();
    const origin = agent({ name: 'treasury-cash-forecaster' }, { originKey: c.identityKey });
    const strong = agent({ name: 'Treasury Cash Forecaster', trigger: { kind: 'cron', schedule: '0 */4 * * *' } });
    const weaker = agent({ name: 'Treasury Forecaster' });
    expect(candidateMatches(c, [origin, weaker, strong]).map((m) => m.agentId)).toEqual([strong.record.id, weaker.record.id]);
  });
});
