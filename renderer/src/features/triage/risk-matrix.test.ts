import { describe, expect, it } from 'vitest';
import { riskScore, sampleTriageOverview, triageRow } from '../../testing/triage-samples';
import { drawingOrderOf, MATRIX_DANGER, MATRIX_NEUTRAL, matrixPointsOf, sizeDomainMax, UNKNOWN_SENSITIVITY } from './risk-matrix';

describe('risk matrix points', () => {
  it('places each agent by gap (%) and sensitivity, in the engine order', () => {
    const points = matrixPointsOf(sampleTriageOverview());
    expect(points.map((p) => p.agentId)).toEqual(['a-collections', 'a-kyc', 'a-digest']);
    expect(points[0]).toMatchObject({ name: 'Collections Reminder Bot', tier: 'P0', score: 0.675, gap: 75, sensitivity: 0.9, sensitivityKnown: true });
  });

  it('draws unknown sensitivity in the middle and says it is unknown', () => {
    const [digest] = matrixPointsOf([sampleTriageOverview()[2]!]);
    expect(digest).toMatchObject({ sensitivity: UNKNOWN_SENSITIVITY, sensitivityKnown: false });
  });

  it('sizes by volume, no usage smallest, and colours by unreviewed irreversible actions', () => {
    const points = matrixPointsOf([
      triageRow({ agentId: 'busy', risk: riskScore({ volumePerDay: 999, irreversibleUnreviewed: 1 }) }),
      triageRow({ agentId: 'quiet', risk: riskScore({ volumePerDay: 9, irreversibleUnreviewed: 0 }) }),
      triageRow({ agentId: 'idle', risk: riskScore({ volumePerDay: null, irreversibleUnreviewed: 0 }) }),
    ]);
    expect(points.map((p) => p.size)).toEqual([3, 1, 0]);
    expect(points.map((p) => p.colour)).toEqual([MATRIX_DANGER, MATRIX_NEUTRAL, MATRIX_NEUTRAL]);
    expect(sizeDomainMax(points)).toBe(3);
    expect(sizeDomainMax(points.slice(2))).toBe(1);
    expect(sizeDomainMax([])).toBe(1);
  });

  it('names the other agents drawn at the same place, and draws small markers over large ones', () => {
    const points = matrixPointsOf([
      triageRow({ agentId: 'a', name: 'A', risk: riskScore({ volumePerDay: 9 }) }),
      triageRow({ agentId: 'b', name: 'B', risk: riskScore({ volumePerDay: 999 }) }),
      triageRow({ agentId: 'c', name: 'C', risk: riskScore({ sensitivity: null }) }),
    ]);
    expect(points.map((p) => p.samePlace)).toEqual([['B'], ['A'], []]);
    expect(drawingOrderOf(points).map((p) => p.agentId)).toEqual(['b', 'c', 'a']);
  });
});
