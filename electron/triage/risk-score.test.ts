import { describe, expect, it } from 'vitest';
import type { ChecklistRow, RiskScore } from '../../shared/checklist';
import type { AgentDossier } from '../../shared/contract';
import { compareRisk, riskOf } from './risk-score';

type Reach = AgentDossier['blastRadius']['bySensitivity'];

function dossier(reach: Reach, over: { capabilities?: AgentDossier['capabilities']; budget?: boolean; tokens?: number; requests?: number } = {}): AgentDossier {
  return {
    agent: { dataAccess: [], owner: null, flags: [] },
    capabilities: over.capabilities ?? [],
    blastRadius: { bySensitivity: reach },
    usage: {
      totals: { totalTokens: over.tokens ?? 0, requests: over.requests ?? 0 },
      daily: Array.from({ length: 10 }, () => ({})),
      budget: { dailyTokenCap: over.budget ? 1000 : null, dailyCostCapUsd: null },
    },
  } as unknown as AgentDossier;
}

const row = (key: ChecklistRow['key'], verdict: ChecklistRow['verdict'], attestation: ChecklistRow['attestation'] = null): ChecklistRow => ({ key, verdict, because: '', evidence: [], attestation, conflict: false });
const unmonitored = [row('h48.execution-logging', 'unknown'), row('registry.owner', 'fail'), row('h48.irreversible-reviewed', 'pass')];
const monitored = [row('h48.execution-logging', 'pass'), row('registry.owner', 'pass'), row('h48.irreversible-reviewed', 'pass')];
const deletes = [{ kind: 'data-delete', detail: 'DELETE', tool: null, evidence: { path: 'a.py', line: 1, snippet: '', ruleId: 'r', confidence: 1 } }] as AgentDossier['capabilities'];

describe('riskOf and compareRisk', () => {
  it('puts unmonitored agents writing restricted data first, with their parts', () => {
    const risk = riskOf(dossier([{ sensitivity: 'restricted', access: 'write', count: 2 }]), unmonitored);
    expect(risk).toMatchObject({ sensitivity: 1, monitoringGap: 1, score: 1, tier: 'P0', sensitivityBecause: 'write access to 2 restricted data source(s)' });
    expect(risk.monitoringBecause).toMatch(/execution logging.*daily budget cap.*owner/);
  });

  it('weights write above read and monitoring lowers the score', () => {
    const write = riskOf(dossier([{ sensitivity: 'confidential', access: 'write', count: 1 }]), unmonitored);
    const read = riskOf(dossier([{ sensitivity: 'confidential', access: 'read', count: 1 }]), unmonitored);
    const watched = riskOf(dossier([{ sensitivity: 'confidential', access: 'write', count: 1 }], { budget: true, tokens: 10, requests: 50 }), monitored);
    expect(write.score).toBeGreaterThan(read.score);
    expect(watched.monitoringGap).toBe(0);
    expect(watched.tier).toBe('P3');
    expect([watched, read, write].sort(compareRisk)).toEqual([write, read, watched]);
  });

  it('breaks ties by unreviewed irreversible actions, then by volume; an attested review counts', () => {
    const reach: Reach = [{ sensitivity: 'internal', access: 'read', count: 1 }];
    const quiet = riskOf(dossier(reach, { requests: 10 }), unmonitored);
    const busy = riskOf(dossier(reach, { requests: 10_000 }), unmonitored);
    const unreviewed = riskOf(dossier(reach, { capabilities: deletes }), [...unmonitored.slice(0, 2), row('h48.irreversible-reviewed', 'fail')]);
    const attested = riskOf(dossier(reach, { capabilities: deletes }), [...unmonitored.slice(0, 2), row('h48.irreversible-reviewed', 'unknown', { status: 'done', note: 'approval queue', by: 'x', at: 'y' })]);
    expect(unreviewed.irreversibleUnreviewed).toBe(1);
    expect(attested.irreversibleUnreviewed).toBe(0);
    expect(([quiet, busy, unreviewed] as RiskScore[]).sort(compareRisk)).toEqual([unreviewed, busy, quiet]);
  });

  it('says unknown sensitivity when nothing is known, and scores it as middling, never as none', () => {
    const risk = riskOf(dossier([]), unmonitored);
    expect(risk.sensitivity).toBeNull();
    expect(risk.sensitivityBecause).toBe('nothing is known of the data it reaches');
    expect(risk.score).toBe(0.5);
  });
});
