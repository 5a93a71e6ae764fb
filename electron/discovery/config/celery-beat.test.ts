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

  it('runs a task handed to add_periodic_task as a function from the file that defines it or the module it is imported from', () => {
    const app = `from celery import Celery
from celery.schedules import crontab
from .digests import send_weekly_digest

app = Celery("support")


@app.on_after_finalize.connect
def setup_periodic_tasks(sender, **kwargs):
    sender.add_periodic_task(300.0, summarise_new_tickets.s(), name="summarise-new-tickets")
    sender.add_periodic_task(crontab(hour=8, minute=0, day_of_week="mon"), send_weekly_digest.s(), name="weekly-digest")
    sender.add_periodic_task(crontab(minute=0), rotate_keys, name="rotate-keys")


@app.task
def summarise_new_tickets():
    ...
`;
    const units = analyzeCeleryBeat('support/worker.py', app, testContext())!.units;
    expect(units.map((u) => [u.name, u.runs, u.codePaths])).toEqual([
      ['summarise-new-tickets', ['summarise_new_tickets'], ['support/worker.py']],
      ['weekly-digest', ['send_weekly_digest'], ['support/digests.py']],
      // Defined nowhere the file says: no file is guessed from the function's name.
      ['rotate-keys', ['rotate_keys'], []],
    ]);
    expect(units[0]!.trigger.description).toBe('Every 300 seconds');
  });

  it('returns null for Python without a beat schedule', () => {
    expect(analyzeCeleryBeat('app.py', 'print("hello")\n', testContext())).toBeNull();
  });
});
