import { describe, expect, it } from 'vitest';
import type { IrreversibleRegisterRow, ReviewStatus } from '../../shared/answer-card';
import type { Attestation } from '../../shared/checklist';
import { compareRegisterRows, irreversibleActionsRegisterOf } from './irreversible-register';
import { blastPath, capability, guardrail, link, testChecklist, testDossier, type DossierChanges } from './test-dossier';

const attested = (status: Attestation['status'], note = ''): Attestation => ({ status, note, by: 'ana', at: '2026-11-30T10:00:00Z' });
const registerOf = (changes: DossierChanges, attestations: Record<string, Attestation> = {}) => {
  const d = testDossier(changes);
  return irreversibleActionsRegisterOf(d, testChecklist(d, attestations));
};
const deletes = [capability('data-delete', 'DELETE FROM orders', 40, 'purge_order')];
const prodWrite = (over: Parameters<typeof blastPath>[0] = {}): DossierChanges => ({
  credentials: { links: [link()], suggestions: [] },
  blastRadius: { dataSources: 1, bySensitivity: [], worstPaths: [blastPath({ access: 'write', sensitivity: 'restricted', dataSourceName: 'payments-ledger', ...over })], riskClasses: [], gaps: [] },
});

describe('irreversibleActionsRegisterOf', () => {
  it.each<[string, DossierChanges, Record<string, Attestation>, ReviewStatus, RegExp | null, boolean]>([
    ['a delete behind an approval step in code', { capabilities: deletes, guardrails: [guardrail('human-approval', 'interrupt_before=["purge_order"]', 22)] }, {}, 'reviewed-in-code', /^approval step: interrupt_before/, false],
    ['a delete a person attested as reviewed (the check still fails: conflict)', { capabilities: deletes }, { 'h48.irreversible-reviewed': attested('done', 'ops approves in Jira') }, 'attested', /^ana attested "irreversible actions reviewed" done on 2026-11-30: ops approves in Jira$/, true],
    ['a delete with the interrupt attested', { capabilities: deletes }, { 'd60.irreversible-interrupt': attested('done') }, 'attested', /human interrupt on irreversible actions" done/, true],
    ['a delete nobody reviews', { capabilities: deletes }, {}, 'unreviewed', null, false],
    ['a delete attested not done', { capabilities: deletes }, { 'h48.irreversible-reviewed': attested('not-done') }, 'unreviewed', null, false],
  ])('%s', (_name, changes, attestations, status, evidence, conflict) => {
    const [row, ...rest] = registerOf(changes, attestations);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ kind: 'data-delete', detail: 'DELETE FROM orders', tool: 'purge_order', where: { path: 'agent/main.py', line: 40 }, target: null, reviewStatus: status, conflict });
    if (evidence) expect(row!.reviewEvidence.map((e) => e.text)).toContainEqual(expect.stringMatching(evidence));
    else expect(row!.reviewEvidence).toEqual([]);
  });

  it('lists each irreversible kind found in code and leaves reversible ones out', () => {
    const rows = registerOf({
      capabilities: [capability('external-communication', 'slack chat_postMessage'), capability('data-export', 's3 upload to partner'), capability('payment', 'stripe.Refund.create'), capability('data-write', 'INSERT INTO notes'), capability('data-read', 'SELECT'), capability('shell-exec', 'subprocess.run'), capability('file-write', 'open(w)')],
    });
    expect(rows.map((r) => r.kind)).toEqual(['external-communication', 'data-export', 'payment', 'data-write']);
  });

  it('adds a production write its credentials allow, with the credential path and the store', () => {
    const [row] = registerOf(prodWrite({ principals: ['agent-role', 'ledger-writer'] }));
    expect(row).toMatchObject({
      kind: 'production-write',
      detail: 'payments-ledger: write',
      where: { text: 'IAM role agent-role → agent-role → ledger-writer → payments-ledger' },
      target: { dataSourceKey: 'arn:aws:s3:::orders', sensitivity: 'restricted', access: 'write' },
      reviewStatus: 'unreviewed',
    });
  });

  it.each([
    ['read access', { access: 'read' as const }],
    ['a staging store', { environment: 'staging' as const }],
  ])('leaves out a path with %s', (_name, over) => {
    expect(registerOf(prodWrite(over))).toEqual([]);
  });

  it('counts permissions management on a production store as a production write', () => {
    expect(registerOf(prodWrite({ access: 'permissions-management' })).map((r) => r.detail)).toEqual(['payments-ledger: permissions-management']);
  });

  it('is empty for an agent with no irreversible action', () => {
    expect(registerOf({})).toEqual([]);
  });
});

describe('compareRegisterRows', () => {
  const row = (agentName: string, reviewStatus: ReviewStatus, conflict = false) => ({ agentName, reviewStatus, conflict, kind: 'data-delete', detail: 'x' }) as IrreversibleRegisterRow;
  it('puts unreviewed first, then attested against a failing check, attested, reviewed in code', () => {
    const rows = [row('A', 'reviewed-in-code'), row('B', 'attested'), row('C', 'unreviewed'), row('D', 'attested', true), row('A', 'unreviewed')];
    expect(rows.sort(compareRegisterRows).map((r) => `${r.agentName}:${r.reviewStatus}${r.conflict ? '!' : ''}`)).toEqual(['A:unreviewed', 'C:unreviewed', 'D:attested!', 'B:attested', 'A:reviewed-in-code']);
  });
});
