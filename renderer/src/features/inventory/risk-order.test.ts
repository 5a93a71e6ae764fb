import { describe, expect, it } from 'vitest';
import { triageRow } from '../../testing/triage-samples';
import { orderByRisk } from './risk-order';

const rows = [
  { id: 'a-digest', name: 'Weekly Metrics Digest' },
  { id: 'a-new', name: 'Added since the overview' },
  { id: 'a-collections', name: 'Collections Reminder Bot' },
  { id: 'a-kyc', name: 'KYC Document Reviewer' },
];
const overview = [triageRow({ agentId: 'a-collections' }), triageRow({ agentId: 'a-kyc' }), triageRow({ agentId: 'a-digest' })];

describe('inventory order by risk', () => {
  it('follows the priority order, highest first, with agents the overview does not name last', () => {
    expect(orderByRisk(rows, overview, 'asc').map((r) => r.id)).toEqual(['a-collections', 'a-kyc', 'a-digest', 'a-new']);
  });

  it('reverses only the ranked agents when descending', () => {
    expect(orderByRisk(rows, overview, 'desc').map((r) => r.id)).toEqual(['a-digest', 'a-kyc', 'a-collections', 'a-new']);
  });

  it('keeps the list as it came while the overview is not read', () => {
    expect(orderByRisk(rows, null, 'asc')).toEqual(rows);
  });
});
