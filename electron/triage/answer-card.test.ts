import { describe, expect, it } from 'vitest';
import { answeredCount, type AnswerQuestion } from '../../shared/answer-card';
import type { Attestation } from '../../shared/checklist';
import { answerCardOf } from './answer-card';
import { blastPath, capability, exposureOf, guardrail, link, testChecklist, testDossier, type DossierChanges } from './test-dossier';

const attested = (status: Attestation['status'], note = ''): Attestation => ({ status, note, by: 'ana', at: '2026-11-30T10:00:00Z' });
const cardOf = (changes: DossierChanges, attestations: Record<string, Attestation> = {}) => {
  const d = testDossier(changes);
  const checklist = testChecklist(d, attestations);
  return answerCardOf(d, checklist, exposureOf(d, checklist));
};

/** Logging found in code, a daily cap and an owner with an email: what "would you know within five minutes" needs. */
const watched: DossierChanges = {
  guardrails: [guardrail('tracing', 'opentelemetry tracer')],
  usage: { ...testDossier().usage, budget: { ...testDossier().usage.budget, dailyTokenCap: 1_000_000 } },
};

describe('answerCardOf', () => {
  it.each<[string, AnswerQuestion, DossierChanges, Record<string, Attestation>, boolean, RegExp | null]>([
    // What can it access?
    ['access: a linked identity with paths', 'access', { agent: { dataAccess: [] }, credentials: { links: [link()], suggestions: [] }, blastRadius: { dataSources: 1, bySensitivity: [{ sensitivity: 'confidential', access: 'write', count: 1 }], worstPaths: [blastPath({ access: 'write' })], riskClasses: [], gaps: [] } }, {}, true, null],
    ['access: recorded in the registry only', 'access', {}, {}, true, null],
    ['access: neither linked nor recorded', 'access', { agent: { dataAccess: [] } }, {}, false, /No cloud identity is linked to it/],
    // What is it prevented from doing?
    ['prevented: a guardrail and every prevention check passes', 'prevented', { guardrails: [guardrail('input-schema', 'pydantic ToolInput')] }, {}, true, null],
    ['prevented: checks pass but no guardrail', 'prevented', {}, {}, false, /^No guardrail/],
    ['prevented: shell execution found', 'prevented', { guardrails: [guardrail('input-schema', 'pydantic')], capabilities: [capability('shell-exec', 'subprocess.run')] }, {}, false, /^No shell execution: fails\. It runs shell commands/],
    ['prevented: irreversible action without review', 'prevented', { guardrails: [guardrail('input-schema', 'pydantic')], capabilities: [capability('data-delete', 'DELETE FROM orders')] }, {}, false, /^Irreversible actions reviewed: fails/],
    ['prevented: irreversible action with an approval step', 'prevented', { guardrails: [guardrail('human-approval', 'interrupt_before=["delete"]')], capabilities: [capability('data-delete', 'DELETE FROM orders')] }, {}, true, null],
    ['prevented: no code scanned', 'prevented', { sources: [] }, {}, false, /^No shell execution, No arbitrary outbound network, Irreversible actions reviewed, Outside content scanned: unknown\. No code or configuration/],
    // Who owns it?
    ['owner: a person', 'owner', {}, {}, true, null],
    ['owner: nobody', 'owner', { agent: { owner: null, flags: ['no-owner'] } }, {}, false, /^Nobody is named as owner\. Name one accountable person/],
    ['owner: a team', 'owner', { agent: { owner: { name: 'Platform Team', email: 'platform@example.com' }, flags: ['owner-is-team'] } }, {}, false, /is a team, not a person/],
    // Would you know within five minutes?
    ['detect: logging, a cap and an owner to notify', 'detect', watched, {}, true, null],
    ['detect: logging attested, a cap, an owner', 'detect', { usage: watched.usage! }, { 'h48.execution-logging': attested('done', 'logs in Datadog') }, true, null],
    ['detect: no logging', 'detect', { usage: watched.usage! }, {}, false, /^No execution logging or tracing/],
    ['detect: no budget', 'detect', { guardrails: watched.guardrails! }, {}, false, /^No budget alert: No daily token or cost cap/],
    ['detect: owner without email', 'detect', { ...watched, agent: { owner: { name: 'Maya Okafor', email: '' } } }, {}, false, /^No way to notify Maya Okafor/],
    ['detect: no owner', 'detect', { ...watched, agent: { owner: null, flags: ['no-owner'] } }, {}, false, /^No owner to notify/],
  ])('%s', (_name, question, changes, attestations, answered, gap) => {
    const answer = cardOf(changes, attestations)[question];
    expect(answer.answered).toBe(answered);
    if (gap) expect(answer.gaps).toContainEqual(expect.stringMatching(gap));
    else expect(answer.gaps).toEqual([]);
    expect(answer.summary).not.toBe('');
  });

  it('names the worst combination: outside content, an irreversible action, no scan, no review', () => {
    const card = cardOf({
      guardrails: [guardrail('input-schema', 'pydantic')],
      capabilities: [capability('external-communication', 'smtplib.SMTP.send_message')],
      untrustedInputs: [{ kind: 'email', detail: 'imaplib fetch', tool: 'read_inbox', evidence: { path: 'agent/inbox.py', line: 4, snippet: '', ruleId: 'test', confidence: 1 } }],
    } as DossierChanges);
    expect(card.prevented.gaps[0]).toMatch(/reads outside content and can act irreversibly/);
  });

  it('gives the evidence behind an answer: paths, guardrails with file and line, the owner', () => {
    const card = cardOf({ ...watched, guardrails: [guardrail('input-schema', 'pydantic ToolInput', 12), guardrail('tracing', 'otel', 5)] });
    expect(card.prevented.evidence).toContainEqual({ text: 'input-schema: pydantic ToolInput', path: 'agent/main.py', line: 12 });
    expect(card.detect.evidence).toContainEqual({ text: 'notify Maya Okafor <maya@example.com>' });
    expect(card.owner.summary).toBe('Maya Okafor <maya@example.com>');
  });

  it('counts the answered questions: four is done', () => {
    expect(answeredCount(cardOf({ ...watched, guardrails: [guardrail('input-schema', 'pydantic'), guardrail('tracing', 'otel')] }))).toBe(4);
    expect(answeredCount(cardOf({ sources: [], agent: { owner: null, flags: ['no-owner'], dataAccess: [] } }))).toBe(0);
  });
});
