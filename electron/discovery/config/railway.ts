import { posix } from 'node:path';
import type { TriggerFinding } from '../../../shared/discovery';
import { escapeRegExp } from '../code/glob';
import type { ConfigFindings } from '../findings';
import { codePathsInCommand } from './commands';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { parseJsonDocument } from './json-document';
import { ConfigSource } from './source';
import { parseTomlValue } from './toml-value';
import { cronTrigger, newFindings, newUnit, trigger } from './units';
import { asRecord, asText, entriesOf } from './values';

/** Railway's config as code: railway.json or railway.toml in a service's root folder. */
export const RAILWAY_CONFIG = /(^|\/)railway\.(json|toml)$/i;

/**
 * A Railway service's config as code (railway.json / railway.toml): the one service deployed
 * from this folder. `deploy.startCommand` is what it runs (else its Dockerfile's command, when
 * `build.builder` is DOCKERFILE or a `dockerfilePath` is set); `deploy.cronSchedule` makes it a
 * cron job Railway starts on that schedule (UTC); a health check path means it serves HTTP. An
 * environment's block (`environments.production.deploy`) fills in what the top level leaves out.
 * The service's name lives in Railway, not in the file: the folder names it.
 */
export function analyzeRailway(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const config = path.toLowerCase().endsWith('.toml') ? parseTomlValue(src) : (asRecord(parseJsonDocument(src).value) ?? {});
  const environments = entriesOf(config.environments).map(([, value]) => asRecord(value) ?? {});
  const setting = (section: 'build' | 'deploy', key: string) => [config, ...environments].map((level) => asText(asRecord(level[section])?.[key])).find((value) => value !== null) ?? null;
  const startCommand = setting('deploy', 'startCommand');
  const cronSchedule = setting('deploy', 'cronSchedule');
  const dockerfilePath = setting('build', 'dockerfilePath');
  const docker = dockerfilePath !== null || setting('build', 'builder')?.toUpperCase() === 'DOCKERFILE';
  if (!startCommand && !docker && !cronSchedule) return null;

  // Keys come from the file (its `variables` too): written into a pattern as text, never as pattern.
  const line = (key: string) => src.findLine(new RegExp(`["']?${escapeRegExp(key)}["']?\\s*[:=]`));
  const evidence = src.evidence('railway.unit.service', line(startCommand ? 'startCommand' : cronSchedule ? 'cronSchedule' : 'dockerfilePath') || line('builder') || 1);
  if (!evidence) return null;
  const name = posix.basename(src.dir) || 'Railway service';
  const unit = newUnit(cronSchedule ? 'scheduled-task' : 'container-service', name, path, evidence, serviceTrigger(src, cronSchedule, setting('deploy', 'healthcheckPath'), line));
  const dir = src.dir || '.';
  if (docker) unit.build = { context: dir, dockerfile: dockerfilePath ? posix.relative(dir, posix.normalize(posix.join(dir, dockerfilePath))) || null : null };
  if (startCommand) {
    unit.runs.push(startCommand);
    unit.codePaths.push(...codePathsInCommand(startCommand, src.dir));
  }
  // Not in Railway's schema, but written by people who expect it to set the service's variables.
  for (const [key, value] of entriesOf(config.variables)) recordEnvEntry(src, unit, { name: key, value: asText(value), line: line(key) || 1 });
  const findings = newFindings(path, 'railway');
  findings.units.push(unit);
  return src.redactFindings(findings);
}

function serviceTrigger(src: ConfigSource, cronSchedule: string | null, healthcheckPath: string | null, line: (key: string) => number): TriggerFinding {
  const unknown: TriggerFinding = { kind: 'unknown', schedule: null, description: 'Long-running Railway service: no route or queue seen', evidence: null };
  if (cronSchedule) return cronTrigger(cronSchedule, src.evidence('railway.trigger.cron', line('cronSchedule')), 'UTC') ?? unknown;
  if (healthcheckPath) return trigger('webhook', 'web', `Serves HTTP requests (Railway service, health check ${healthcheckPath})`, src.evidence('railway.trigger.web', line('healthcheckPath'))) ?? unknown;
  // Typed by nothing: what its code starts (a chat bot, a queue worker, a server) says more (link/process-triggers.ts).
  return trigger('event', 'background', 'Long-running Railway service: runs jobs or polls, no route seen', src.evidence('railway.trigger.background', line('startCommand') || line('builder') || 1)) ?? unknown;
}
