import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from './test-engine';

describe('candidateMatches over the demo workspace', () => {
  let t: Awaited<ReturnType<typeof testEngine>> | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('finds the registry entry a scanned unit duplicates, and forgets it once the candidate is merged', async () => {
    t = await testEngine();
    await t.call('openDemoWorkspace', { reset: true });
    const { candidates } = await t.call('listCandidates', {});
    const key = (name: string) => candidates.find((c) => c.name === name)!.identityKey;

    const treasury = await t.call('candidateMatches', { identityKey: key('treasury-cash-forecaster') });
    expect(treasury[0]).toMatchObject({ agentName: 'Treasury Cash Forecaster' });
    expect(treasury[0]!.reasons.map((r) => r.kind)).toEqual(['name', 'schedule']);

    const recon = await t.call('candidateMatches', { identityKey: key('nightly-ledger-reconciliation') });
    expect(recon[0]?.agentName).toBe('Nightly Reconciliation Agent');
    expect(recon[0]!.reasons.map((r) => r.kind)).toContain('credential'); // IAM role recon-batch

    expect((await t.call('candidateMatches', { identityKey: key('disputes-agent') }))[0]?.agentName).toBe('Dispute Resolution Assistant');
    // The demo's consultant already merged the collections worker into its agent: nothing to propose.
    expect(await t.call('candidateMatches', { identityKey: key('worker') })).toEqual([]);
    // Test files are never entry points of deployed agents: the disputes repo's opt-in eval is not a candidate.
    expect(candidates.some((c) => c.unit.path.includes('tests/eval/'))).toBe(false);

    // Once merged, the unit is part of that agent: nothing is proposed for it again.
    await t.call('mergeCandidate', { identityKey: key('treasury-cash-forecaster'), agentId: treasury[0]!.agentId });
    expect(await t.call('candidateMatches', { identityKey: key('treasury-cash-forecaster') })).toEqual([]);
  });

  it('refuses an unknown candidate', async () => {
    t = await testEngine();
    await t.call('openDemoWorkspace', { reset: true });
    await expect(t.call('candidateMatches', { identityKey: 'nope' })).rejects.toThrow(/not in the latest scan/);
  });
});
