import { posix } from 'node:path';
import type { TriggerFinding } from '../../../shared/discovery';
import type { ConfigFindings, UnitFinding } from '../findings';
import { codePathsInCommand } from './commands';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { queueHint } from './queue-hints';
import { ConfigSource } from './source';
import { cronTrigger, newFindings, newUnit, trigger } from './units';
import { asArray, asRecord, asText, type Json } from './values';
import { parseYamlDocuments, type PathSegment, type YamlDocument } from './yaml-documents';

/** A Render Blueprint: render.yaml at a repository's top (or a monorepo's folder). */
export const RENDER_BLUEPRINT = /(^|\/)render\.ya?ml$/i;

/** Service types that run code of the repository; key-value stores and databases do not. */
const CODE_SERVICES = new Set(['web', 'pserv', 'worker', 'cron']);

/**
 * A Render Blueprint (render.yaml): each service of `services` that runs code is a unit. A cron
 * job runs its `startCommand` on its `schedule` (UTC); a web service answers HTTP; a private
 * service (`pserv`) answers its own services; a background worker runs jobs. A native runtime's
 * commands run in `rootDir`; a Docker service runs its image's command (or `dockerCommand`),
 * built from `dockerfilePath` in `dockerContext`. `envVars` set the service's environment: a
 * literal `value`, one set in the dashboard (`sync: false`), or a database's connection string.
 */
export function analyzeRenderBlueprint(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const [doc] = parseYamlDocuments(src);
  const services = asArray(asRecord(doc?.value)?.services);
  if (!doc || services.length === 0) return null;
  const findings = newFindings(path, 'render');
  services.forEach((value, i) => {
    const service = asRecord(value);
    const type = asText(service?.type);
    const name = asText(service?.name);
    if (!service || !type || !name || !CODE_SERVICES.has(type)) return;
    const at = (...rest: PathSegment[]) => doc.lineOf(['services', i, ...rest]);
    const evidence = src.evidence('render.unit.service', at('name'));
    if (!evidence) return;
    const unit = newUnit(type === 'cron' ? 'scheduled-task' : 'container-service', name, path, evidence, serviceTrigger(src, type, name, service, at));
    readCode(src, unit, service, at);
    recordEnvVars(src, doc, unit, i);
    findings.units.push(unit);
  });
  return findings.units.length > 0 ? src.redactFindings(findings) : null;
}

function readCode(src: ConfigSource, unit: UnitFinding, service: Json, at: (...rest: PathSegment[]) => number): void {
  const fromConfig = (folder: string | null) => posix.normalize(posix.join(src.dir || '.', folder ?? '.')).replace(/(.)\/+$/, '$1');
  const runtime = asText(service.runtime) ?? asText(service.env);
  if (runtime === 'docker' || runtime === 'image') {
    // Docker paths are written from the service's root folder when it has one (a monorepo's service), else from the repository's.
    const base = asText(service.rootDir);
    const fromBase = (path: string) => fromConfig(base ? posix.join(base, path) : path);
    const context = fromBase(asText(service.dockerContext) ?? '.');
    const dockerfile = asText(service.dockerfilePath);
    if (runtime === 'docker') unit.build = { context, dockerfile: dockerfile ? posix.relative(context, fromBase(dockerfile)) || null : null };
    const command = asText(service.dockerCommand);
    if (command) unit.runs.push(command);
  } else {
    // A native service's commands run in its root folder: the linker reads its commands from there.
    const rootDir = asText(service.rootDir);
    if (rootDir) unit.build = { context: fromConfig(rootDir), dockerfile: null };
    const command = asText(service.startCommand);
    if (command) {
      unit.runs.push(command);
      unit.codePaths.push(...codePathsInCommand(command, rootDir ? fromConfig(rootDir) : src.dir));
    }
  }
  if (unit.runs.length === 0 && !unit.build) src.warn(`Render service ${unit.name} names no startCommand, dockerCommand or Dockerfile: its code is not known`, at('name'));
}

function serviceTrigger(src: ConfigSource, type: string, name: string, service: Json, at: (...rest: PathSegment[]) => number): TriggerFinding {
  const unknown: TriggerFinding = { kind: 'unknown', schedule: null, description: `Long-running ${name} worker: no queue seen`, evidence: null };
  const schedule = asText(service.schedule);
  if (type === 'cron') return (schedule ? cronTrigger(schedule, src.evidence('render.trigger.cron', at('schedule')), 'UTC') : null) ?? { ...unknown, description: 'Render cron job with no schedule written' };
  if (type === 'web') return trigger('webhook', 'web', 'Serves HTTP requests (Render web service)', src.evidence('render.trigger.web', at('type'))) ?? unknown;
  if (type === 'pserv') return trigger('webhook', 'private', 'Serves requests of the other services of its Render account (private service)', src.evidence('render.trigger.web', at('type'))) ?? unknown;
  const hint = queueHint(`${name} ${asText(service.startCommand) ?? asText(service.dockerCommand) ?? ''}`);
  if (hint) return trigger('event', hint, `Consumes messages (${hint})`, src.evidence('render.trigger.worker', at('type'))) ?? unknown;
  // Typed only as a worker: what its code starts (a chat bot, a scheduler) says more (link/process-triggers.ts).
  return trigger('event', 'background', `Background ${name} worker: runs jobs or polls, no queue named`, src.evidence('render.trigger.background', at('type'))) ?? unknown;
}

function recordEnvVars(src: ConfigSource, doc: YamlDocument, unit: UnitFinding, index: number): void {
  asArray(asRecord(asArray(asRecord(doc.value)?.services)[index])?.envVars).forEach((value, j) => {
    const entry = asRecord(value);
    const key = asText(entry?.key);
    if (!entry || !key) return;
    // `sync: false` (set in the dashboard), `fromDatabase`, `fromService`, `generateValue`: no literal here.
    recordEnvEntry(src, unit, { name: key, value: asText(entry.value), line: doc.lineOf(['services', index, 'envVars', j, 'key']) });
  });
}
