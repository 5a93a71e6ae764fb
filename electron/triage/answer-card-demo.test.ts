import { describe, expect, it } from 'vitest';
import type { IrreversibleRegisterRow } from '../../shared/answer-card';
import type { TriageRow } from '../../shared/checklist';
import type { AgentTriage } from '../../shared/contract';
import { demoEngineForTests } from './demo-engine';

/** The answer card, the done measure and the irreversible actions register through the engine, on the demo engagement. */
describe('answer card and irreversible register on the demo', () => {
  const { ids, call } = demoEngineForTests('atw-answers-demo-');

  const triageOf = (name: string) => call<AgentTriage>('agentChecklist', { agentId: ids[name]! });

  it('answers who owns the Dispute Resolution Assistant, and says the Chargeback Evidence Collector has nobody', async () => {
    const dispute = await triageOf('Dispute Resolution Assistant');
    expect(dispute.answers.owner).toMatchObject({ answered: true, gaps: [], summary: expect.stringMatching(/^Maya Okafor/) });
    const chargeback = await triageOf('Chargeback Evidence Collector');
    expect(chargeback.answers.owner).toMatchObject({ answered: false, gaps: ['Nobody is named as owner. Name one accountable person (Edit).'] });
    expect(chargeback.answers.detect.gaps).toContainEqual('No owner to notify: name one accountable person (Edit).');
  });

  it('answers what the KYC Document Reviewer can access from its linked role, and names the prevention checks no scan has settled', async () => {
    const kyc = await triageOf('KYC Document Reviewer');
    expect(kyc.answers.access.answered).toBe(true);
    expect(kyc.answers.access.evidence).toContainEqual({ text: expect.stringMatching(/^IAM role kyc-reviewer-lambda → onboarding-prod\.kyc_checks \(prod, restricted\): write/) });
    expect(kyc.answers.prevented.answered).toBe(false);
    expect(kyc.answers.prevented.gaps).toContainEqual(expect.stringMatching(/^No shell execution, No arbitrary outbound network, Irreversible actions reviewed, Outside content scanned: unknown\. No code/));
  });

  it('gives the overview the count of answered questions, the done measure', async () => {
    const rows = await call<TriageRow[]>('triageOverview', {});
    for (const row of rows.slice(0, 4)) {
      const t = await call<AgentTriage>('agentChecklist', { agentId: row.agentId });
      expect(row.answered).toBe(Object.values(t.answers).filter((a) => a.answered).length);
    }
    for (const row of rows) expect(row.answered).toBeGreaterThanOrEqual(0);
    for (const row of rows) expect(row.answered).toBeLessThanOrEqual(4);
  });

  it('registers the production writes the credentials allow, unreviewed first, and an attestation moves one to attested', async () => {
    const before = await call<IrreversibleRegisterRow[]>('irreversibleRegister', {});
    const kycRow = before.find((r) => r.agentName === 'KYC Document Reviewer' && r.kind === 'production-write');
    expect(kycRow).toMatchObject({ detail: 'onboarding-prod.kyc_checks: write', reviewStatus: 'unreviewed', owner: expect.any(String), target: { sensitivity: 'restricted', access: 'write' } });
    expect(before.filter((r) => r.agentName === 'Infra Cost Optimiser').map((r) => r.detail)).toContainEqual('ledger-prod: permissions-management');

    await call('attestChecklistItem', { agentId: ids['KYC Document Reviewer']!, key: 'h48.irreversible-reviewed', status: 'done', note: 'writes go through the compliance approval queue' });
    const after = await call<IrreversibleRegisterRow[]>('irreversibleRegister', {});
    const attested = after.find((r) => r.agentName === 'KYC Document Reviewer' && r.kind === 'production-write')!;
    expect(attested).toMatchObject({ reviewStatus: 'attested', conflict: false, reviewEvidence: [{ text: expect.stringMatching(/^tester attested "irreversible actions reviewed" done on \d{4}-\d{2}-\d{2}: writes go through the compliance approval queue$/) }] });
    // Unreviewed rows still come first.
    const statuses = after.map((r) => r.reviewStatus);
    expect(statuses.indexOf('attested')).toBeGreaterThan(statuses.lastIndexOf('unreviewed'));
    expect((await triageOf('KYC Document Reviewer')).irreversible[0]!.reviewStatus).toBe('attested');
  });
});
