import { describe, expect, it } from 'vitest';
import type { DriftChange } from '../../../../shared/review';
import { driftGroups, driftTone } from './drift-view';

const change = (kind: DriftChange['kind'], what: DriftChange['change'], severity: DriftChange['severity'], detail: string): DriftChange => ({ kind, change: what, severity, detail });

describe('drift card groups', () => {
  it('groups by kind in the order of each kind’s most serious change', () => {
    const groups = driftGroups([
      change('write-access', 'added', 'high', 'write on payouts'),
      change('credential', 'added', 'high', 'env-var STRIPE_KEY'),
      change('endpoint', 'added', 'medium', 'hooks.slack.com'),
      change('credential', 'removed', 'low', 'IAM role old'),
    ]);
    expect(groups.map((g) => [g.title, g.changes.map((c) => c.detail)])).toEqual([
      ['Write access', ['write on payouts']],
      ['Credentials', ['env-var STRIPE_KEY', 'IAM role old']],
      ['Endpoints', ['hooks.slack.com']],
    ]);
    expect(driftGroups([])).toEqual([]);
  });

  it('shows new write access and credentials in red, other new reach in amber, removals in grey', () => {
    expect(driftTone(change('write-access', 'added', 'high', ''))).toBe('danger');
    expect(driftTone(change('endpoint', 'added', 'medium', ''))).toBe('warning');
    expect(driftTone(change('model', 'added', 'low', ''))).toBe('neutral');
    expect(driftTone(change('write-access', 'removed', 'low', ''))).toBe('muted');
  });
});
