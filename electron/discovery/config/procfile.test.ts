import { describe, expect, it } from 'vitest';
import { analyzeProcfile } from './procfile';
import { fixture, lineWith, testContext } from './test-support';

const text = fixture('procfile/Procfile');

describe('analyzeProcfile', () => {
  it('makes a unit per process with the trigger its role implies', () => {
    const units = analyzeProcfile('billing/Procfile', text, testContext())!.units;
    expect(units.map((u) => [u.name, u.trigger.kind, u.codePaths])).toEqual([
      ['web', 'webhook', []],
      ['worker', 'event', ['billing/app/tasks.py']],
      ['clock', 'cron', ['billing/clock.py']],
      ['release', 'chained', ['billing/manage.py']],
      ['summariser', 'unknown', ['billing/agents/summariser.py']],
      ['email_worker', 'event', ['billing/app/mailbox.py']],
      ['jobs', 'event', ['billing/app/jobs.py']],
      ['bot', 'unknown', ['billing/bot.py']],
      ['notices', 'event', ['billing/notices/run_worker.py']],
      ['assistant', 'webhook', ['billing/assistant/app.py']],
    ]);
    // A worker named by convention only, one whose command names its task-queue runner (arq), one running a worker module.
    expect([5, 6, 8].map((i) => [units[i]!.trigger.schedule, units[i]!.trigger.evidence?.ruleId])).toEqual([
      ['background', 'procfile.trigger.background'],
      ['arq', 'procfile.trigger.worker'],
      ['background', 'procfile.trigger.background'],
    ]);
    expect(units[4]!.evidence.line).toBe(lineWith(text, 'summariser:'));
    expect(units[4]!.llm).toMatchObject([{ provider: 'openai', models: ['gpt-4o-mini'] }]);
  });

  it('a process whose command starts an HTTP server serves requests whatever its name; a script does not', () => {
    const units = analyzeProcfile('Procfile', 'ledger: chainlit run ledger_chat/app.py --port 8081\napi: gunicorn app.main:app -k uvicorn.workers.UvicornWorker\ndigest: streamlit run reports/digest.py\nsync: python sync.py\n', testContext())!.units;
    expect(units.map((u) => [u.name, u.trigger.kind, u.trigger.evidence?.ruleId ?? null, u.codePaths])).toEqual([
      ['ledger', 'webhook', 'procfile.trigger.server', ['ledger_chat/app.py']],
      ['api', 'webhook', 'procfile.trigger.server', ['app/main.py']],
      ['digest', 'webhook', 'procfile.trigger.server', ['reports/digest.py']],
      ['sync', 'unknown', null, ['sync.py']],
    ]);
  });

  it('returns null for a file with no process lines', () => {
    expect(analyzeProcfile('Procfile', '# nothing here\n', testContext())).toBeNull();
  });
});
