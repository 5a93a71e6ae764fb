import { describe, expect, it } from 'vitest';
import type { DriftChange, ReviewedCapability, ReviewedDataAccess, ReviewedFact, ReviewSnapshot } from '../../shared/review';
import { dossierDrift, spendDrift } from './dossier-drift';

const fact = (key: string, label = key): ReviewedFact => ({ key, label, evidence: `${key}.py:1` });
const access = (key: string, level: string, writes: boolean, over: Partial<ReviewedDataAccess> = {}): ReviewedDataAccess => ({
  key,
  label: key,
  evidence: 'role agent → role agent',
  access: level,
  writes,
  environment: 'prod',
  sensitivity: 'restricted',
  ...over,
});
const capability = (kind: string, detail: string, irreversible: boolean, tool: string | null = null): ReviewedCapability => ({
  key: `${kind}|${detail}|${tool ?? ''}`,
  label: `${kind} ${detail}`,
  evidence: 'agent.py:10',
  kind,
  tool,
  irreversible,
});

function snapshot(over: Partial<ReviewSnapshot> = {}): ReviewSnapshot {
  return {
    v: 1,
    owner: 'Maya Okafor <maya@example.com>',
    trigger: 'cron (0 6 * * *)',
    credentials: [fact('registry:IAM role agent-role', 'IAM role agent-role')],
    dataAccess: [access('cloud:s3:invoices', 'read', false)],
    capabilities: [capability('data-read', 'SELECT', false)],
    tools: [fact('lookup_invoice')],
    endpoints: [fact('api.openai.com|inference', 'api.openai.com (inference)')],
    models: [fact('openai|gpt-4o', 'openai gpt-4o')],
    frameworks: [fact('langgraph')],
    untrustedInputs: [],
    advisories: [],
    spend: { through: null, daily: [], totals: { costUsd: 0, tokens: 0, requests: 0 } },
    ...over,
  };
}

const only = (changes: DriftChange[]) => changes.map(({ kind, change, severity }) => `${change} ${kind} ${severity}`);

describe('dossierDrift', () => {
  it('finds no change when the facts are the same', () => {
    expect(dossierDrift(JSON.parse(JSON.stringify(snapshot())), snapshot())).toEqual([]);
  });

  const base = snapshot();
  const cases: Array<[string, Partial<ReviewSnapshot>, string[], RegExp]> = [
    ['a new credential', { credentials: [...base.credentials, fact('code:env-var:STRIPE_KEY', 'env-var STRIPE_KEY')] }, ['added credential high'], /STRIPE_KEY/],
    ['a credential gone', { credentials: [] }, ['removed credential low'], /agent-role/],
    ['write access to a new data source', { dataAccess: [...base.dataAccess, access('cloud:s3:payouts', 'write', true)] }, ['added write-access high'], /write on cloud:s3:payouts \(prod, restricted\)/],
    ['read access to a new data source', { dataAccess: [...base.dataAccess, access('cloud:s3:logs', 'list', false, { environment: 'dev', sensitivity: 'unknown' })] }, ['added data-access medium'], /^list on cloud:s3:logs \(dev\)$/],
    ['read turning into write', { dataAccess: [access('cloud:s3:invoices', 'write', true)] }, ['added write-access high'], /was read/],
    ['a data source no longer reached', { dataAccess: [] }, ['removed data-access low'], /invoices/],
    ['a sensitivity raised', { dataAccess: [access('cloud:s3:invoices', 'read', false, { sensitivity: 'confidential' })] }, ['changed data-access low'], /now confidential \(was restricted\)/],
    ['a new irreversible capability', { capabilities: [...base.capabilities, capability('payment', 'stripe.Refund.create', true, 'refund')] }, ['added capability high'], /not reversible/],
    ['a new reversible capability', { capabilities: [...base.capabilities, capability('shell-exec', 'subprocess.run', false)] }, ['added capability medium'], /subprocess/],
    ['a capability gone', { capabilities: [] }, ['removed capability low'], /SELECT/],
    ['a new tool', { tools: [...base.tools, fact('issue_refund')] }, ['added tool medium'], /issue_refund/],
    ['a tool gone', { tools: [] }, ['removed tool low'], /lookup_invoice/],
    ['a new endpoint', { endpoints: [...base.endpoints, fact('hooks.slack.com|webhook', 'hooks.slack.com (webhook)')] }, ['added endpoint medium'], /slack/],
    ['an endpoint gone', { endpoints: [] }, ['removed endpoint low'], /openai/],
    ['a new model', { models: [...base.models, fact('anthropic|claude-sonnet-4', 'anthropic claude-sonnet-4')] }, ['added model low'], /claude/],
    ['a model gone', { models: [] }, ['removed model low'], /gpt-4o/],
    ['a new framework', { frameworks: [...base.frameworks, fact('crewai')] }, ['added framework low'], /crewai/],
    ['new outside content read', { untrustedInputs: [fact('email|imaplib.IMAP4_SSL', 'email: imaplib.IMAP4_SSL')] }, ['added untrusted-input medium'], /imaplib/],
    ['a new advisory', { advisories: [fact('GHSA-1|PyPI/langchain@0.1.0', 'GHSA-1 in langchain 0.1.0 (HIGH)')] }, ['added advisory medium'], /GHSA-1/],
    ['an owner changed', { owner: 'Ana Lima' }, ['changed owner medium'], /Maya Okafor <maya@example.com> → Ana Lima/],
    ['an owner removed', { owner: null }, ['removed owner medium'], /none now/],
    ['a trigger changed', { trigger: 'webhook (/hooks/refund)' }, ['changed trigger low'], /cron \(0 6 \* \* \*\) → webhook/],
  ];
  it.each(cases)('reports %s', (_name, now, expected, detail) => {
    const changes = dossierDrift(base, snapshot(now));
    expect(only(changes)).toEqual(expected);
    for (const c of changes) expect(c.detail).toMatch(detail);
  });

  it('reports write access given up as a removal', () => {
    const changes = dossierDrift(snapshot({ dataAccess: [access('cloud:s3:invoices', 'write', true)] }), snapshot());
    expect(changes).toEqual([{ kind: 'write-access', change: 'removed', severity: 'low', detail: 'cloud:s3:invoices (prod, restricted) is now read only (was write)', evidence: 'role agent → role agent' }]);
  });

  it('puts the most serious first: new write access, new credentials, new irreversible capabilities, endpoints; removals last', () => {
    const now = snapshot({
      credentials: [fact('code:env-var:STRIPE_KEY')],
      dataAccess: [...base.dataAccess, access('cloud:s3:payouts', 'write', true)],
      capabilities: [...base.capabilities, capability('data-delete', 'DELETE FROM payouts', true), capability('file-write', 'open(w)', false)],
      endpoints: [...base.endpoints, fact('hooks.slack.com|webhook')],
      models: [],
    });
    expect(only(dossierDrift(base, now))).toEqual([
      'added write-access high',
      'added credential high',
      'added capability high',
      'added capability medium',
      'added endpoint medium',
      'removed credential low',
      'removed model low',
    ]);
  });

  it('reads an older snapshot shape: sections it lacks are skipped, not reported as all new', () => {
    const old = { v: 0, credentials: [{ key: 'registry:IAM role agent-role', label: 'IAM role agent-role', evidence: 'registry' }], tools: 'not a list', endpoints: [{ host: 'no key' }] };
    expect(only(dossierDrift(old, snapshot()))).toEqual(['added endpoint medium']);
    expect(dossierDrift(old, snapshot({ credentials: [] }))).toContainEqual(expect.objectContaining({ kind: 'credential', change: 'removed' }));
  });

  it('reads a snapshot that is not an object at all as nothing to compare', () => {
    expect(dossierDrift(null, snapshot())).toEqual([]);
    expect(dossierDrift('garbage', snapshot())).toEqual([]);
  });
});

describe('spendDrift', () => {
  const days = (from: number, count: number, costUsd: number, tokens: number) =>
    Array.from({ length: count }, (_, i) => ({ day: `2026-11-${String(from + i).padStart(2, '0')}`, costUsd, tokens }));
  const reviewed = (daily: ReturnType<typeof days>) => snapshot({ spend: { through: daily.at(-1)?.day ?? null, daily, totals: { costUsd: 0, tokens: 0, requests: 0 } } });

  it('compares the average daily cost before the review with the usage imported since', () => {
    const before = days(1, 10, 2, 1000);
    const spend = spendDrift(reviewed(before), [...before, ...days(11, 5, 3, 1500)]);
    expect(spend).toMatchObject({ metric: 'cost', beforePerDay: 2, nowPerDay: 3, beforeDays: 10, nowDays: 5, changePct: 0.5 });
    expect(spend?.summary).toBe('$2.00/day before, $3.00/day since (+50%)');
  });

  it('says "no usage imported since the review" rather than -100% when nothing new was imported', () => {
    const before = days(1, 10, 2, 1000);
    const spend = spendDrift(reviewed(before), before);
    expect(spend).toMatchObject({ nowPerDay: null, changePct: null, nowDays: 0 });
    expect(spend?.summary).toBe('$2.00/day before, no usage imported since the review');
  });

  it('says there was no usage before the review when spending started after it', () => {
    const spend = spendDrift(reviewed([]), days(11, 4, 1, 500));
    expect(spend).toMatchObject({ beforePerDay: null, nowPerDay: 1, changePct: null });
    expect(spend?.summary).toBe('No usage in the 30 days before the review, $1.00/day since');
  });

  it('compares tokens when the cost of one side is unknown (unpriced model)', () => {
    const before = days(1, 10, 2, 1000);
    const spend = spendDrift(reviewed(before), [...before, ...days(11, 5, 0, 4000)]);
    expect(spend).toMatchObject({ metric: 'tokens', beforePerDay: 1000, nowPerDay: 4000, changePct: 3 });
    expect(spend?.summary).toBe('1,000 tokens/day before, 4,000 tokens/day since (+300%)');
  });

  it('says "no usage" for idle days since the review', () => {
    const before = days(1, 10, 2, 1000);
    expect(spendDrift(reviewed(before), [...before, ...days(11, 3, 0, 0)])?.summary).toBe('$2.00/day before, no usage in the 3 days since');
  });

  it('has nothing to say for an agent that never used a model', () => {
    expect(spendDrift(reviewed(days(1, 10, 0, 0)), days(1, 20, 0, 0))).toBeNull();
    expect(spendDrift({ v: 0 }, [])).toBeNull();
  });
});
