import { describe, expect, it } from 'vitest';
import { registryRow, sampleRegister, sampleTriageOverview, triageRow } from '../../testing/triage-samples';
import { countByStatus, doneMeasure, filterRegister } from './register-model';

describe('register model', () => {
  it('counts the agents with all four answers', () => {
    expect(doneMeasure(sampleTriageOverview())).toEqual({ done: 1, total: 3 });
    expect(doneMeasure([])).toEqual({ done: 0, total: 0 });
    expect(doneMeasure([triageRow({ answered: 3 })])).toEqual({ done: 0, total: 1 });
  });

  it.each([
    [{ status: 'all', text: '' }, 3],
    [{ status: 'unreviewed', text: '' }, 2],
    [{ status: 'reviewed-in-code', text: '' }, 1],
    [{ status: 'attested', text: '' }, 0],
    [{ status: 'all', text: 'kyc' }, 1],
    [{ status: 'all', text: '  PRIYA ' }, 1],
    [{ status: 'all', text: 'production write' }, 1],
    [{ status: 'all', text: 'mailer.py' }, 1],
    [{ status: 'unreviewed', text: 'purge' }, 0],
  ] as const)('filters %o to %i rows', (filter, count) => {
    expect(filterRegister(sampleRegister(), filter)).toHaveLength(count);
  });

  it('counts rows by review status', () => {
    expect(countByStatus([...sampleRegister(), registryRow({ reviewStatus: 'attested' })])).toEqual({ unreviewed: 2, attested: 1, 'reviewed-in-code': 1 });
  });
});
