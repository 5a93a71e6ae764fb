import { describe, expect, it } from 'vitest';
import { costText, formatPeriod, formatTrend, formatUsd } from './agent-activity';

describe('usage numbers', () => {
  it('shows cents only where they matter', () => {
    expect([formatUsd(0), formatUsd(0.004), formatUsd(0.42), formatUsd(38.2), formatUsd(1204.4)]).toEqual(['$0.00', '<$0.01', '$0.42', '$38.20', '$1,204']);
  });
  it('never turns an unknown price into $0', () => {
    expect(costText({ costUsd: 0, unpricedTokens: 0 })).toBe('$0.00');
    expect(costText({ costUsd: 0, unpricedTokens: 1200 })).toBe('price unknown');
    expect(costText({ costUsd: 12.3, unpricedTokens: 1200 })).toBe('$12.30 + price unknown');
  });
  it('writes the trend as a signed percentage', () => {
    expect([formatTrend(0.184), formatTrend(-0.4), formatTrend(0.001), formatTrend(2.5)]).toEqual(['+18%', '−40%', '±0%', '+250%']);
  });
  it('writes a period with its year once', () => {
    expect(formatPeriod('2026-06-03', '2026-06-30')).toMatch(/^Jun 3 – Jun 30, 2026$/);
    expect(formatPeriod('2025-12-20', '2026-01-10')).toMatch(/^Dec 20, 2025 – Jan 10, 2026$/);
  });
});
