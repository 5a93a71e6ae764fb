import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeAppEngineCron, analyzeAppEngineService } from './app-engine';
import { analyzeConfigFile } from './index';
import { lineWith, testContext } from './test-support';

// The labelled corpus repository's configs: a top-level cron.yaml and a service folder's app.yaml.
const corpus = (path: string) => readFileSync(fileURLToPath(new URL(`../corpus/repos/app-engine-cron-digest-py/repo/${path}`, import.meta.url)), 'utf8');
const CRON = corpus('cron.yaml');

describe('App Engine cron.yaml', () => {
  it('makes each job a scheduled task named by its url after its target, on its schedule in its time zone', () => {
    const [digest, rates] = analyzeAppEngineCron('cron.yaml', CRON, testContext())!.units;
    expect(digest).toMatchObject({ kind: 'scheduled-task', name: 'digest /tasks/digest', runs: ['GET /tasks/digest'], appEngineTarget: 'digest' });
    expect(digest!.evidence.line).toBe(lineWith(CRON, 'url: /tasks/digest'));
    expect(digest!.trigger).toMatchObject({ kind: 'cron', schedule: 'every day 06:30', description: 'Every day 06:30 (Europe/London, App Engine cron)' });
    expect(rates!.trigger.description).toBe('Every 6 hours (UTC, App Engine cron)');
  });

  it('calls the default service when a job names no target; a cron.yaml of another tool (no url) is none of its jobs', async () => {
    const units = analyzeAppEngineCron('app/cron.yaml', 'cron:\n- url: /cron/sweep?full=1\n  schedule: every 30 minutes\n', testContext())!.units;
    expect(units.map((u) => [u.name, u.appEngineTarget])).toEqual([['/cron/sweep', 'default']]);
    expect(analyzeAppEngineCron('cron.yaml', 'cron:\n  - name: heartbeat\n    cron: "0 * * * *"\n    prompt: check\n', testContext())).toBeNull();
    expect((await analyzeConfigFile('cron.yaml', 'schedules:\n  - name: heartbeat\n    cron: "0 * * * *"\n', testContext())).findings).toBeNull();
  });

  it('reads a service config by its name or its content: its service, folder and entrypoint', async () => {
    expect(analyzeAppEngineService('digest/app.yaml', corpus('digest/app.yaml'), testContext())!.appEngineService).toEqual({ name: 'digest', dir: 'digest', runtime: 'python312', entrypoint: null });
    const worker = await analyzeConfigFile('svc/worker.yaml', 'runtime: python311\nservice: worker\nentrypoint: gunicorn -b :$PORT jobs.app:app\n', testContext());
    expect(worker.findings?.appEngineService).toEqual({ name: 'worker', dir: 'svc', runtime: 'python311', entrypoint: 'gunicorn -b :$PORT jobs.app:app' });
    // A YAML with a `runtime` key that App Engine does not run is someone else's.
    expect((await analyzeConfigFile('app.yaml', 'runtime: wasm\nname: x\n', testContext())).findings).toBeNull();
  });
});
