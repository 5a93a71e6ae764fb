import { describe, expect, it } from 'vitest';
import { analyzeCeleryBeat } from './celery-beat';
import { fixture, lineWith, testContext } from './test-support';

const text = fixture('celery/celery_app.py');

describe('analyzeCeleryBeat', () => {
  it('makes a unit per beat entry, not for commented-out ones', () => {
    const units = analyzeCeleryBeat('billing/celery_app.py', text, testContext())!.units;
    expect(units.map((u) => [u.name, u.runs, u.trigger.schedule, u.trigger.description])).toEqual([
      ['reconcile-invoices', ['billing.tasks.reconcile_invoices'], '0 6 * * *', 'Every day at 06:00'],
      ['chase-overdue', ['billing.tasks.chase_overdue'], '*/30 9-17 * * mon-fri', 'Every 30 minutes from 09:00 to 17:00, on Monday to Friday'],
      ['refresh-fx', ['billing.fx.refresh'], 'timedelta(minutes=15)', 'Every 15 minutes'],
      ['heartbeat', ['billing.tasks.heartbeat'], '30.0', 'Every 30 seconds'],
      ['weekly-digest', ['weekly_digest'], '30 7 * * 1', 'Every Monday at 07:30'],
    ]);
    expect(units[0]!.evidence.line).toBe(lineWith(text, '"reconcile-invoices"'));
    expect(units[1]!.trigger.evidence!.line).toBe(lineWith(text, "'schedule': crontab(minute='*/30'"));
  });

  it('maps task names to their module files', () => {
    const units = analyzeCeleryBeat('billing/celery_app.py', text, testContext())!.units;
    expect(units[0]!.codePaths).toEqual(['billing/tasks.py']);
    expect(units[2]!.codePaths).toEqual(['billing/fx.py']);
  });

  it('returns null for Python without a beat schedule', () => {
    expect(analyzeCeleryBeat('app.py', 'print("hello")\n', testContext())).toBeNull();
  });
});
