import { posix } from 'node:path';
import type { ConfigFindings } from '../findings';
import type { ConfigContext } from './context';
import { ConfigSource } from './source';
import { newFindings, newUnit, noTrigger, trigger } from './units';
import { asArray, asRecord, asText } from './values';
import { parseYamlDocuments } from './yaml-documents';

/** An App Engine cron config, at the top of the app or beside a service. */
export const APP_ENGINE_CRON = /^cron\.ya?ml$/i;
/** An App Engine service config by its name: app.yaml, app.<stage>.yaml (others are told by their content). */
export const APP_ENGINE_APP = /^app(\.[\w-]+)?\.ya?ml$/i;
/** A YAML file that is an App Engine service config whatever its name (worker.yaml): a top-level `runtime` App Engine runs. */
export const APP_ENGINE_RUNTIME_LINE = /^runtime:[ \t]*["']?(python|nodejs|go|java|php|ruby|custom)/m;

/**
 * An App Engine cron.yaml: `cron: [{ url: /tasks/digest, schedule: every day 07:00, target: digest }]`.
 * App Engine's cron service sends a GET to the url of the `target` service (the default one when
 * none is named) on the schedule, so the handler behind it runs unattended. Each job is a scheduled
 * task; which code serves it is the service's, found by the linker (link/app-engine-targets.ts)
 * from the service configs of the repository (analyzeAppEngineService).
 */
export function analyzeAppEngineCron(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const [doc] = parseYamlDocuments(src);
  const jobs = asArray(asRecord(doc?.value)?.cron);
  if (!doc || jobs.length === 0) return null;
  const findings = newFindings(path, 'app-engine');
  jobs.forEach((value, i) => {
    const job = asRecord(value);
    const url = asText(job?.url)?.split(/[?#]/)[0];
    const schedule = asText(job?.schedule)?.trim();
    const evidence = src.evidence('appengine.unit.cron', doc.lineOf(['cron', i, 'url']));
    // A cron.yaml of another tool (a list of `name`/`cron`/`prompt`) names no url: not App Engine's.
    if (!url?.startsWith('/') || !schedule || !evidence) return;
    const target = asText(job?.target) ?? 'default';
    const zone = asText(job?.timezone) ?? 'UTC';
    const scheduled = trigger('cron', schedule, `${capitalised(schedule)} (${zone}, App Engine cron)`, src.evidence('appengine.trigger.cron', doc.lineOf(['cron', i, 'schedule'])));
    const unit = newUnit('scheduled-task', target === 'default' ? url : `${target} ${url}`, path, evidence, scheduled ?? noTrigger('App Engine cron job'));
    unit.runs.push(`GET ${url}`);
    unit.appEngineTarget = target;
    findings.units.push(unit);
  });
  return findings.units.length > 0 ? src.redactFindings(findings) : null;
}

/**
 * An App Engine service config (app.yaml): its `service` name (`default` when it names none), its
 * folder, and what it runs: its `entrypoint`, else the runtime's default (Python 3: gunicorn on
 * `main:app` in main.py; Node.js: `npm start`). Not a unit of its own: the cron jobs that call it are.
 */
export function analyzeAppEngineService(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const [doc] = parseYamlDocuments(src);
  const app = asRecord(doc?.value);
  const runtime = asText(app?.runtime);
  if (!app || !runtime) return null;
  const findings = newFindings(path, 'app-engine');
  findings.appEngineService = { name: asText(app.service) ?? asText(app.module) ?? 'default', dir: src.dir, runtime, entrypoint: asText(app.entrypoint) };
  return findings;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The code a service's default start runs, from its folder: main.py for Python, else its package's start script. */
export function appEngineServiceRuns(service: { dir: string; runtime: string; entrypoint: string | null }): { runs: string[]; codePaths: string[] } {
  if (service.entrypoint) return { runs: [service.entrypoint], codePaths: [] };
  if (service.runtime.startsWith('python')) return { runs: [], codePaths: [posix.join(service.dir || '.', 'main.py')] };
  if (service.runtime.startsWith('nodejs')) return { runs: ['npm start'], codePaths: [] };
  return { runs: [], codePaths: [] };
}
