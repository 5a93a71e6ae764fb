import { describe, expect, it } from 'vitest';
import { checklistRow } from '../../testing/triage-samples';
import { failingRows, nextSteps } from './profile-model';

const attestation = (status: 'done' | 'not-done' | 'not-applicable') => ({ status, note: '', by: 'ana', at: '2026-12-06T10:00:00.000Z' });

describe('profile model', () => {
  const rows = [
    checklistRow('registry.name', { verdict: 'pass' }),
    checklistRow('registry.rollback', { verdict: 'fail' }),
    checklistRow('h48.no-shell', { verdict: 'fail' }),
    checklistRow('h48.execution-logging', { verdict: 'unknown' }),
    checklistRow('h48.irreversible-reviewed', { verdict: 'fail' }),
    checklistRow('d90.daily-budget', { verdict: 'fail' }),
    checklistRow('d30.sandbox', { verdict: 'unknown', attestation: attestation('done') }),
    checklistRow('d60.adversarial-tests', { verdict: 'unknown', attestation: attestation('not-done') }),
    checklistRow('d90.audit-trail', { verdict: 'unknown' }),
  ];

  it('lists as failing what fails or a person attested not done', () => {
    expect(failingRows(rows).map((r) => r.key)).toEqual(['registry.rollback', 'h48.no-shell', 'h48.irreversible-reviewed', 'd90.daily-budget', 'd60.adversarial-tests']);
  });

  it('orders the next steps: failing first, risk items first, then by phase; settled and passing items left out', () => {
    expect(nextSteps(rows, 10).map((s) => `${s.row.key}@${s.phase}`)).toEqual([
      'h48.irreversible-reviewed@days-1-30',
      'd90.daily-budget@days-61-90',
      'registry.rollback@step-0',
      'h48.no-shell@days-1-30',
      'd60.adversarial-tests@days-31-60',
      'h48.execution-logging@days-1-30',
      'd90.audit-trail@days-61-90',
    ]);
    expect(nextSteps(rows)).toHaveLength(5);
    expect(nextSteps([checklistRow('registry.name', { verdict: 'pass' })])).toEqual([]);
  });
});
