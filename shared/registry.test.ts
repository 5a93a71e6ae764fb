import { describe, expect, it } from 'vitest';
import { AGENT_FLAGS, completenessOf, flagsOf, isTeamOwner, registrySnapshotOf } from './registry';
import { DEFAULT_AGENT_FIELDS } from './agent';

describe('isTeamOwner', () => {
  it('recognises teams, channels, role mailboxes and distribution lists', () => {
    for (const owner of [
      { name: 'Platform Team', email: 'platform@x.example' },
      { name: 'Cloud Ops', email: 'cloudops@x.example' },
      { name: '#fraud-alerts', email: '' },
      { name: '@payments-oncall', email: '' },
      { name: 'Growth', email: 'growth@x.example' },
      { name: 'Dana', email: 'security@x.example' },
      { name: 'Payments', email: 'payments-team@x.example' },
    ])
      expect(isTeamOwner(owner), owner.name).toBe(true);
  });
  it('accepts people', () => {
    for (const owner of [
      { name: 'Maya Okafor', email: 'maya.okafor@x.example' },
      { name: 'Tomás Ferreira', email: 'tomas@x.example' },
      { name: 'Li', email: 'li.wei@x.example' },
      { name: 'Dana Opsahl', email: 'dana.opsahl@x.example' },
    ])
      expect(isTeamOwner(owner), owner.name).toBe(false);
  });
});

describe('Step 0 completeness and flags', () => {
  const base = { ...DEFAULT_AGENT_FIELDS, name: 'bot' };
  it('counts the seven registry fields and names the missing ones', () => {
    expect(completenessOf(registrySnapshotOf(base))).toEqual({
      filled: 1,
      total: 7,
      missing: ['trigger', 'dataAccess', 'credentials', 'owner', 'lastReviewed', 'rollback'],
    });
  });
  it('flags a team owner, a review older than 90 days (not 90) and a missing rollback', () => {
    const agent = registrySnapshotOf({ ...base, owner: { name: 'Data Platform', email: 'data@x.example' }, lastReviewed: '2026-01-01' });
    expect(flagsOf(agent, '2026-04-01')).toEqual(['owner-is-team', 'no-rollback']); // 90 days
    expect(flagsOf(agent, '2026-04-02')).toEqual(['owner-is-team', 'review-stale', 'no-rollback']);
  });
  it('flags a missing owner first, as the most severe owner flag, and never together with the team flag', () => {
    expect(flagsOf(registrySnapshotOf({ ...base, lastReviewed: '2026-01-01' }), '2026-06-01')).toEqual(['no-owner', 'review-stale', 'no-rollback']);
    expect(flagsOf(registrySnapshotOf({ ...base, owner: { name: ' ', email: '' } }), '2026-06-01')[0]).toBe('no-owner');
    const person = registrySnapshotOf({ ...base, owner: { name: 'Maya Okafor', email: 'maya@x.example' }, rollback: { procedure: 'Scale to 0', lastRehearsed: null } });
    expect(flagsOf(person, '2026-06-01')).toEqual([]);
    expect(Object.keys(AGENT_FLAGS)[0]).toBe('no-owner');
  });
});
