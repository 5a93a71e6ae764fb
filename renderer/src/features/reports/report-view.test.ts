import { describe, expect, it } from 'vitest';
import type { ReportHeadline } from '../../../../shared/report';
import { headlineFigures, shareText } from './report-view';

const headline: ReportHeadline = {
  discovered: 14,
  awaitingReview: 3,
  documented: { count: 4, of: 11 },
  withOwner: { count: 8, of: 11 },
  withRollback: { count: 11, of: 11 },
  allFourAnswers: { count: 0, of: 11 },
  p0: 2,
  p1: 3,
  shellOrArbitraryNetwork: 1,
  sharedCredentials: 0,
  unattributedSpend: { costUsd: 1234.5, share: 0.25, totalUsd: 4938 },
};

describe('the summary page figures', () => {
  it('says "no agents yet" rather than 0 of 0', () => {
    expect(shareText({ count: 0, of: 0 })).toBe('no agents yet');
    expect(shareText({ count: 8, of: 11 })).toMatch(/^8 of 11 \(72\.7\s?%\)$/);
  });

  it('lists the eight headline numbers, alarming only where something is missing', () => {
    const figures = headlineFigures(headline);
    expect(figures.map((f) => f.key)).toEqual(['discovered', 'owner', 'rollback', 'answers', 'priority', 'shell', 'shared', 'spend']);
    expect(figures.find((f) => f.key === 'discovered')).toMatchObject({ value: '14 / 4', alarm: true, detail: expect.stringContaining('3 awaiting review') });
    expect(figures.find((f) => f.key === 'rollback')?.alarm).toBe(false);
    expect(figures.find((f) => f.key === 'shared')).toMatchObject({ value: '0', alarm: false });
    expect(figures.find((f) => f.key === 'spend')?.value).toMatch(/1,234|1,235/);
  });

  it('says where unattributed spend would come from when no usage is imported', () => {
    const spend = headlineFigures({ ...headline, unattributedSpend: null }).find((f) => f.key === 'spend');
    expect(spend).toMatchObject({ value: 'not known', detail: 'Import LLM usage logs to see it.' });
  });
});
