import { describe, expect, it } from 'vitest';
import { planTask, samplePlan } from '../../testing/plan-samples';
import { ANY_FILTER, burnUpRows, dayOfPlanText, filterChoices, filterTasks, percentText } from './plan-view';

describe('plan view helpers', () => {
  const { tasks } = samplePlan();

  it('filters tasks by owner (or no owner), status (overdue apart) and agent', () => {
    expect(filterTasks(tasks, ANY_FILTER)).toHaveLength(4);
    expect(filterTasks(tasks, { ...ANY_FILTER, owner: 'Sam Lee' }).map((t) => t.itemKey)).toEqual(['d90.daily-budget']);
    expect(filterTasks(tasks, { ...ANY_FILTER, owner: 'none' }).map((t) => t.itemKey)).toEqual(['registry.owner']);
    expect(filterTasks(tasks, { ...ANY_FILTER, status: 'overdue' }).map((t) => t.itemKey)).toEqual(['h48.execution-logging']);
    expect(filterTasks(tasks, { ...ANY_FILTER, status: 'done' }).map((t) => t.itemKey)).toEqual(['h48.no-shell']);
    expect(filterTasks(tasks, { ...ANY_FILTER, status: 'open' })).toHaveLength(3);
    expect(filterTasks(tasks, { owner: 'Dana Whitfield', status: 'open', agentId: 'a-collections' }).map((t) => t.itemKey)).toEqual(['h48.execution-logging']);
  });

  it('offers the owners and agents the tasks name, alphabetically', () => {
    expect(filterChoices(tasks)).toEqual({
      owners: ['Dana Whitfield', 'Sam Lee'],
      hasNoOwner: true,
      agents: [
        { id: 'a-collections', name: 'Collections Reminder Bot' },
        { id: 'a-idle', name: 'Idle Helper' },
      ],
    });
    expect(filterChoices([planTask()]).hasNoOwner).toBe(false);
  });

  it('draws the burn-up to day 90, the days ahead empty', () => {
    const rows = burnUpRows('2026-12-01', samplePlan().burnUp);
    expect(rows).toHaveLength(91);
    expect(rows[5]).toEqual({ date: '2026-12-06', scope: 4, done: 1 });
    expect(rows[6]).toEqual({ date: '2026-12-07', scope: null, done: null });
    expect(rows.at(-1)?.date).toBe('2027-03-01');
    // A record longer than 90 days is drawn whole.
    const long = Array.from({ length: 100 }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), scope: 3, done: 1 }));
    expect(burnUpRows('2026-01-01', long)).toHaveLength(100);
  });

  it('says which day of the plan today is', () => {
    expect(dayOfPlanText({ startDate: null, today: '2026-12-06' })).toBe('Not started');
    expect(dayOfPlanText({ startDate: '2026-12-01', today: '2026-12-06' })).toBe('Day 5 of 90');
    expect(dayOfPlanText({ startDate: '2026-12-07', today: '2026-12-06' })).toBe('Starts in 1 day');
    expect(dayOfPlanText({ startDate: '2026-08-01', today: '2026-12-06' })).toBe('Day 127: past day 90');
    expect(percentText(1, 4)).toBe('25%');
    expect(percentText(0, 0)).toBe('–');
  });
});
