import { describe, expect, it } from 'vitest';
import type { Attestation } from '../../shared/checklist';
import type { AgentDossier } from '../../shared/contract';
import type { CapabilityFinding, GuardrailFinding, UntrustedInputFinding } from '../../shared/discovery';
import { testChecklist, testDossier, type DossierChanges } from './test-dossier';
import { untrustedExposureOf } from './untrusted-exposure';

const evidence = (line: number) => ({ path: 'agent/tools.py', line, snippet: '', ruleId: 'rule', confidence: 0.9 });
const ticket: UntrustedInputFinding = { kind: 'ticket', detail: 'zenpy.Zenpy().tickets.comments', tool: 'ticket_thread', evidence: evidence(12) };
const refund: CapabilityFinding = { kind: 'payment', detail: 'stripe.Refund.create', tool: 'refund', evidence: evidence(30) };
const scanner: GuardrailFinding = { kind: 'injection-scan', detail: 'lakera guard', evidence: evidence(8) };
const approval: GuardrailFinding = { kind: 'human-approval', detail: 'interrupt()', evidence: evidence(40) };

const dossier = (over: DossierChanges) => testDossier(over);
const exposure = (d: AgentDossier, attested: Record<string, Attestation> = {}) => untrustedExposureOf(d, testChecklist(d, attested));

describe('untrusted content exposure', () => {
  it('is the worst combination when outside content can drive an irreversible action with no scan and no review', () => {
    const d = dossier({ untrustedInputs: [ticket], capabilities: [refund] });
    expect(exposure(d)).toEqual({
      inputs: [{ kind: 'ticket', detail: 'zenpy.Zenpy().tickets.comments', evidence: { text: 'zenpy.Zenpy().tickets.comments (in tool ticket_thread)', path: 'agent/tools.py', line: 12 } }],
      scan: null,
      irreversibleActions: 1,
      humanReview: false,
      worst: true,
    });
  });

  it('is not the worst with a scanner in code, a person attesting the scan, or a human review step', () => {
    expect(exposure(dossier({ untrustedInputs: [ticket], capabilities: [refund], guardrails: [scanner] }))).toMatchObject({ scan: { by: 'code', evidence: [{ text: 'lakera guard', line: 8 }] }, worst: false });
    const attested = exposure(dossier({ untrustedInputs: [ticket], capabilities: [refund] }), {
      'd30.untrusted-content-scanned': { status: 'done', note: 'Zendesk app screens comments', by: 'Maya Okafor', at: '2026-12-01T10:00:00Z' },
    });
    expect(attested).toMatchObject({ scan: { by: 'attestation', evidence: [{ text: 'Maya Okafor, 2026-12-01: Zendesk app screens comments' }] }, worst: false });
    expect(exposure(dossier({ untrustedInputs: [ticket], capabilities: [refund], guardrails: [approval] }))).toMatchObject({ humanReview: true, worst: false });
  });

  it('is not the worst when nothing it can do is irreversible, nor when it reads nothing from outside', () => {
    expect(exposure(dossier({ untrustedInputs: [ticket] }))).toMatchObject({ irreversibleActions: 0, humanReview: false, worst: false });
    expect(exposure(dossier({ capabilities: [refund] }))).toMatchObject({ inputs: [], worst: false });
  });
});
