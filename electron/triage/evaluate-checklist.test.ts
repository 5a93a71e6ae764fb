import { describe, expect, it } from 'vitest';
import type { ChecklistItemKey, ItemVerdict } from '../../shared/checklist';
import { CHECKLIST_ITEMS } from '../../shared/checklist';
import type { AgentDossier } from '../../shared/contract';
import type { BlastPath } from '../../shared/blast-radius';
import { evaluateChecklist } from './evaluate-checklist';
import { blastPath, capability, guardrail, link, testDossier } from './test-dossier';

const path = blastPath;
const dossier = testDossier;

const of = (verdicts: ItemVerdict[], key: ChecklistItemKey) => verdicts.find((v) => v.key === key)!;
const check = (d: AgentDossier, key: ChecklistItemKey) => of(evaluateChecklist(d), key);

describe('evaluateChecklist', () => {
  it('gives every Step 0 and 48-hour item a verdict, in the checklist order', () => {
    expect(evaluateChecklist(dossier()).map((v) => v.key)).toEqual(CHECKLIST_ITEMS.map((i) => i.key));
  });

  it.each([
    ['registry.trigger', { agent: { trigger: { kind: 'unknown', schedule: null } } }, 'fail'],
    ['registry.trigger', {}, 'pass'],
    ['registry.owner', { agent: { owner: null, flags: ['no-owner'] } }, 'fail'],
    ['registry.owner', { agent: { owner: { name: 'Platform Team', email: '' }, flags: ['owner-is-team'] } }, 'fail'],
    ['registry.owner', {}, 'pass'],
    ['registry.last-reviewed', { agent: { lastReviewed: null } }, 'fail'],
    ['registry.last-reviewed', { agent: { lastReviewed: '2026-01-02', flags: ['review-stale'] } }, 'fail'],
    ['registry.last-reviewed', {}, 'pass'],
    ['registry.rollback', { agent: { rollback: { procedure: null, lastRehearsed: null }, flags: ['no-rollback'] } }, 'fail'],
    ['registry.rollback', {}, 'pass'],
    ['registry.credentials', { agent: { credentials: [] } }, 'fail'],
    ['registry.data-access', { agent: { dataAccess: [] } }, 'unknown'],
    ['registry.data-access', { agent: { dataAccess: [] }, capabilities: [capability('data-write', 'INSERT INTO orders')] }, 'fail'],
  ] as Array<[ChecklistItemKey, Parameters<typeof dossier>[0], ItemVerdict['verdict']]>)('%s: %j -> %s', (key, over, expected) => {
    expect(check(dossier(over), key).verdict).toBe(expected);
  });

  it('fails shell and runtime-chosen hosts with the file and line, passes code that has none, and says unknown without code', () => {
    const shell = check(dossier({ capabilities: [capability('shell-exec', 'subprocess.run', 42)] }), 'h48.no-shell');
    expect(shell).toMatchObject({ verdict: 'fail', evidence: [{ text: 'subprocess.run', path: 'agent/main.py', line: 42 }] });
    expect(check(dossier(), 'h48.no-shell').verdict).toBe('pass');
    expect(check(dossier({ sources: [] }), 'h48.no-shell').verdict).toBe('unknown');
    expect(check(dossier({ capabilities: [capability('outbound-network', 'requests.get(url)')] }), 'h48.no-arbitrary-network').verdict).toBe('fail');
    expect(check(dossier({ sources: [] }), 'h48.no-arbitrary-network').because).toMatch(/scan its repository/);
  });

  it('judges database credentials against what the code does, and says unknown without an identity', () => {
    expect(check(dossier(), 'h48.db-credentials-scoped').verdict).toBe('unknown');
    const linked = { credentials: { links: [link()], suggestions: [] } };
    const reaching = (access: BlastPath['access']) => ({ ...linked, blastRadius: { dataSources: 1, bySensitivity: [], worstPaths: [path({ access })], riskClasses: [], gaps: [] } });
    expect(check(dossier(reaching('write')), 'h48.db-credentials-scoped')).toMatchObject({ verdict: 'fail', evidence: [{ text: 'IAM role agent-role -> orders: write' }] });
    expect(check(dossier({ ...reaching('write'), capabilities: [capability('data-write', 'INSERT INTO orders')] }), 'h48.db-credentials-scoped').verdict).toBe('pass');
    expect(check(dossier(reaching('permissions-management')), 'h48.db-credentials-scoped').verdict).toBe('fail');
    expect(check(dossier(reaching('read')), 'h48.db-credentials-scoped').verdict).toBe('pass');
    expect(check(dossier({ ...reaching('write'), sources: [] }), 'h48.db-credentials-scoped').verdict).toBe('unknown');
  });

  it('fails a credential another agent or system holds, naming who', () => {
    const shared = link({ sharedWith: [{ kind: 'non-agent', name: 'ci-deployer', agentId: null, evidence: 'access key used by CI' }] });
    expect(check(dossier({ credentials: { links: [shared], suggestions: [] } }), 'h48.no-shared-credential')).toMatchObject({ verdict: 'fail', evidence: [{ text: expect.stringContaining('ci-deployer') }] });
    expect(check(dossier({ credentials: { links: [link()], suggestions: [] } }), 'h48.no-shared-credential').verdict).toBe('pass');
    expect(check(dossier(), 'h48.no-shared-credential').verdict).toBe('unknown');
  });

  it('passes logging only on evidence of it; absence in code is unknown, not fail', () => {
    expect(check(dossier({ guardrails: [guardrail('tracing', 'opentelemetry tracer')] }), 'h48.execution-logging').verdict).toBe('pass');
    expect(check(dossier(), 'h48.execution-logging').verdict).toBe('unknown');
  });

  it('fails an LLM key the application also uses, from imported usage', () => {
    const usage = (keys: string[], shared: string[]) => ({ usage: { ...dossier().usage, keys, keysSharedWithApplication: shared } });
    expect(check(dossier(usage(['openai:key_1'], ['openai:key_1'])), 'h48.llm-keys-distinct')).toMatchObject({ verdict: 'fail', evidence: [{ text: 'openai:key_1' }] });
    expect(check(dossier(usage(['openai:key_1'], [])), 'h48.llm-keys-distinct').verdict).toBe('pass');
    expect(check(dossier(), 'h48.llm-keys-distinct').verdict).toBe('unknown');
  });

  it('fails irreversible actions with no human review, passes them with an approval step', () => {
    const deletes = [capability('data-delete', 'DELETE FROM invoices', 77)];
    expect(check(dossier({ capabilities: deletes }), 'h48.irreversible-reviewed')).toMatchObject({ verdict: 'fail', evidence: [{ text: 'DELETE FROM invoices', line: 77 }] });
    expect(check(dossier({ capabilities: deletes, guardrails: [guardrail('human-approval', 'interrupt_before=["delete"]')] }), 'h48.irreversible-reviewed').verdict).toBe('pass');
    expect(check(dossier(), 'h48.irreversible-reviewed').verdict).toBe('pass');
    expect(check(dossier({ sources: [] }), 'h48.irreversible-reviewed').verdict).toBe('unknown');
  });

  it('passes production writes the registry records as intended, fails the others', () => {
    const linked = { credentials: { links: [link()], suggestions: [] } };
    const writes = (name: string) => ({ ...linked, blastRadius: { dataSources: 1, bySensitivity: [], worstPaths: [path({ dataSourceName: name, access: 'write' })], riskClasses: [], gaps: [] } });
    expect(check(dossier(writes('billing-ledger')), 'h48.prod-write-intended')).toMatchObject({ verdict: 'fail', evidence: [{ text: expect.stringContaining('billing-ledger') }] });
    expect(check(dossier({ ...writes('orders'), agent: { dataAccess: [{ source: 'orders', access: 'write' }] } }), 'h48.prod-write-intended').verdict).toBe('pass');
    expect(check(dossier({ ...linked, blastRadius: { dataSources: 1, bySensitivity: [], worstPaths: [path({ environment: 'dev', access: 'write' })], riskClasses: [], gaps: [] } }), 'h48.prod-write-intended').verdict).toBe('pass');
    expect(check(dossier(), 'h48.prod-write-intended').verdict).toBe('unknown');
  });

  it('asks Days 31-60 guardrails of the code: found passes, not found in scanned code fails, no code is unknown', () => {
    expect(check(dossier({ guardrails: [guardrail('input-schema', 'pydantic model on the tool input')] }), 'd60.input-schema').verdict).toBe('pass');
    expect(check(dossier(), 'd60.input-schema').verdict).toBe('fail');
    expect(check(dossier({ sources: [] }), 'd60.input-schema').verdict).toBe('unknown');
    const sends = [capability('external-communication', 'smtplib.SMTP.send_message')];
    expect(check(dossier({ capabilities: sends }), 'd60.output-classifier').verdict).toBe('fail');
    expect(check(dossier({ capabilities: sends, guardrails: [guardrail('output-filter', 'moderation check')] }), 'd60.output-classifier').verdict).toBe('pass');
    expect(check(dossier(), 'd60.output-classifier').verdict).toBe('pass');
    expect(check(dossier({ capabilities: [capability('payment', 'stripe.Refund.create')] }), 'd60.irreversible-interrupt').verdict).toBe('fail');
    expect(check(dossier(), 'd60.adversarial-tests').verdict).toBe('unknown');
  });

  it('wants a rollback rehearsed in the last 180 days', () => {
    const rehearsed = (lastRehearsed: string | null) => dossier({ agent: { rollback: { procedure: 'Disable it.', lastRehearsed } } });
    expect(evaluateChecklist(rehearsed('2026-10-01'), '2026-12-06').find((v) => v.key === 'd60.rollback-rehearsed')!.verdict).toBe('pass');
    expect(evaluateChecklist(rehearsed('2026-01-01'), '2026-12-06').find((v) => v.key === 'd60.rollback-rehearsed')!.because).toMatch(/more than 180 days ago/);
    expect(evaluateChecklist(rehearsed(null), '2026-12-06').find((v) => v.key === 'd60.rollback-rehearsed')!.because).toBe('The rollback procedure was never rehearsed.');
  });

  it('reads Days 61-90 from usage: tags, a cap, cost per unit', () => {
    const usage = (over: Record<string, unknown>) => ({ usage: { ...dossier().usage, ...over } as AgentDossier['usage'] });
    expect(check(dossier(usage({ taggedShare: 1 })), 'd90.tagged-attribution').verdict).toBe('pass');
    expect(check(dossier(usage({ taggedShare: 0.4 })), 'd90.tagged-attribution')).toMatchObject({ verdict: 'fail', evidence: [{ text: '40% of its tokens came from calls tagged with it' }] });
    expect(check(dossier(), 'd90.tagged-attribution').verdict).toBe('unknown');
    expect(check(dossier(), 'd90.daily-budget').verdict).toBe('fail');
    expect(check(dossier(usage({ budget: { dailyTokenCap: null, dailyCostCapUsd: 12, daysOverCap: [{}, {}] } })), 'd90.daily-budget').because).toBe('Capped at $12 a day; over the cap on 2 day(s).');
    expect(check(dossier(usage({ totals: { totalTokens: 10 } })), 'd90.cost-per-unit').verdict).toBe('fail');
    expect(check(dossier(usage({ totals: { totalTokens: 10 }, units: [{ unit: 'tickets', from: '2026-11-01', to: '2026-11-30', costPerUnitUsd: 0.0213 }] })), 'd90.cost-per-unit')).toMatchObject({
      verdict: 'pass',
      evidence: [{ text: '$0.0213 per tickets (2026-11-01 to 2026-11-30)' }],
    });
    expect(check(dossier(), 'd90.audit-trail').verdict).toBe('unknown');
  });

  it('fails a runtime with an open advisory (naming the fixed version), passes locked packages with none, and is unknown with no lockfile', () => {
    const pkg = { ecosystem: 'PyPI' as const, name: 'langchain-core', version: '0.1.10', lockfile: 'agent/requirements.txt' };
    const advisory = { id: 'GHSA-xxxx-yyyy-zzzz', aliases: [], summary: 'Prompt template injection', severity: 'HIGH', package: pkg, fixed: '0.1.35' };
    expect(check(dossier({ packages: [pkg], advisories: [advisory] }), 'd30.patched-runtime')).toMatchObject({
      verdict: 'fail',
      evidence: [{ text: 'GHSA-xxxx-yyyy-zzzz (HIGH): langchain-core 0.1.10, fixed in 0.1.35', path: 'agent/requirements.txt' }],
    });
    expect(check(dossier({ packages: [pkg] }), 'd30.patched-runtime').verdict).toBe('pass');
    expect(check(dossier(), 'd30.patched-runtime').because).toMatch(/No lockfile/);
    expect(check(dossier({ sources: [] }), 'd30.patched-runtime').verdict).toBe('unknown');
    expect(check(dossier(), 'd30.sandbox').verdict).toBe('unknown');
  });

  it('fails outside content read with no injection scan, passes it scanned, passes code that reads none, and is unknown without code', () => {
    const input = { kind: 'ticket' as const, detail: 'zenpy.Zenpy().tickets.comments', tool: 'ticket_thread', evidence: { path: 'agent/tools.py', line: 12, snippet: '', ruleId: 'untrusted.zendesk', confidence: 0.9 } };
    expect(check(dossier({ untrustedInputs: [input] }), 'd30.untrusted-content-scanned')).toMatchObject({
      verdict: 'fail',
      evidence: [{ text: 'reads ticket: zenpy.Zenpy().tickets.comments', path: 'agent/tools.py', line: 12 }],
    });
    expect(check(dossier({ untrustedInputs: [input], guardrails: [guardrail('injection-scan', 'lakera guard')] }), 'd30.untrusted-content-scanned').verdict).toBe('pass');
    expect(check(dossier(), 'd30.untrusted-content-scanned').verdict).toBe('pass');
    expect(check(dossier({ sources: [] }), 'd30.untrusted-content-scanned').verdict).toBe('unknown');
  });
});
