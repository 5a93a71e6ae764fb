import { describe, expect, it } from 'vitest';
import { budgetStatus, costTotals, usageSeries } from '../../testing/usage-samples';
import { budgetOrder, projectedOverCap } from './BudgetsPanel';
import { costCapError, tokenCapError } from './BudgetDialog';
import { rateError } from './PriceDialog';
import { UNATTRIBUTED_HATCH_ID } from './series-colours';
import { drawnSeriesOf } from './SpendOverTimeChart';
import { costBasisText, costText, dayRangeText, formatUsd, providerName } from './usage-format';

describe('usage formatting', () => {
  it('never writes an unknown price as $0', () => {
    expect(costText({ costUsd: 0, unpricedTokens: 48_000 })).toBe('Price unknown');
    expect(costText({ costUsd: 12.4, unpricedTokens: 1 })).toMatch(/12\.40 \+ price unknown$/);
    expect(costText({ costUsd: 0, unpricedTokens: 0 })).toMatch(/0\.00$/);
    expect(formatUsd(0.001)).toMatch(/^<.*0\.01$/);
    const basis = costBasisText(costTotals({ unpricedTokens: 48_000, unpricedModels: ['mistral-large-2411'] }));
    expect(basis).toContain('Reported by the source');
    expect(basis).toContain('Estimated from the price table');
    expect(basis).toContain('mistral-large-2411');
  });

  it('writes day ranges short, in UTC, and names providers as people do', () => {
    expect(dayRangeText('2025-03-01', '2025-03-01')).not.toContain('–');
    expect(dayRangeText('2025-03-01', '2025-03-14')).toMatch(/1.*14.*2025/);
    expect(providerName('openai')).toBe('OpenAI');
    expect(providerName('acme-llm')).toBe('acme-llm');
  });

  it('draws unattributed hatched and other grey, so neither takes a group colour', () => {
    const drawn = drawnSeriesOf(usageSeries().series);
    expect(drawn.map((s) => s.fill)).toEqual(['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-other)', `url(#${UNATTRIBUTED_HATCH_ID})`]);
  });

  it('projects over cap past 30 days at the daily cap, by cost or by tokens', () => {
    expect(projectedOverCap(budgetStatus({ dailyCostCapUsd: 2 }))).toBe(true);
    expect(projectedOverCap(budgetStatus({ dailyCostCapUsd: 5 }))).toBe(false);
    expect(projectedOverCap(budgetStatus({ dailyCostCapUsd: null, dailyTokenCap: 100_000 }))).toBe(true);
    expect(projectedOverCap(budgetStatus({ dailyCostCapUsd: null, dailyTokenCap: null }))).toBe(false);
    expect(projectedOverCap(budgetStatus({ month: null }))).toBe(false);
  });

  it('lists agents over cap first, then capped ones, then by the month’s spend', () => {
    const rows = [
      budgetStatus({ agentName: 'idle', dailyCostCapUsd: null, daysOverCap: [], month: null }),
      budgetStatus({ agentName: 'spender', dailyCostCapUsd: null, daysOverCap: [] }),
      budgetStatus({ agentName: 'capped', daysOverCap: [] }),
      budgetStatus({ agentName: 'over' }),
    ];
    expect([...rows].sort(budgetOrder).map((b) => b.agentName)).toEqual(['over', 'capped', 'spender', 'idle']);
  });

  it('checks caps and rates as typed: empty caps are no cap, rates need a number', () => {
    expect(tokenCapError('')).toBeNull();
    expect(tokenCapError('150,000')).toBeNull();
    expect(tokenCapError('1.5')).not.toBeNull();
    expect(costCapError('$2.50')).toBeNull();
    expect(costCapError('0')).not.toBeNull();
    expect(rateError('0')).toBeNull();
    expect(rateError('')).not.toBeNull();
    expect(rateError('-1')).not.toBeNull();
  });
});
