import { posix } from 'node:path';
import type { TriggerFinding } from '../../../shared/discovery';
import { escapeRegExp } from '../code/glob';
import type { ConfigFindings } from '../findings';
import { codePathsInCommand } from './commands';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { ConfigSource } from './source';
import { parseTomlValue } from './toml-value';
import { newFindings, newUnit, trigger } from './units';
import { asArray, asRecord, asText, entriesOf, textList } from './values';

/** A Fly.io app's config: fly.toml, or a named variant (fly.staging.toml) deployed with `fly deploy -c`. */
export const FLY_CONFIG = /(^|\/)fly(\.[\w-]+)?\.toml$/i;

/**
 * A Fly.io app (fly.toml): each process group of `[processes]` runs its command on its own
 * Machines, else the one `app` group runs the image's command. The image is built from the
 * Dockerfile beside the config (`[build] dockerfile` names another), or pulled (`[build] image`).
 * Groups that `[http_service]` or a `[[services]]` block routes to serve HTTP; the others run in
 * the background. `[env]` is every group's environment.
 */
export function analyzeFlyToml(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const config = parseTomlValue(src);
  const app = asText(config.app);
  if (!app) return null;
  const build = asRecord(config.build);
  const image = asText(build?.image);
  const dockerfile = asText(build?.dockerfile);
  const dir = src.dir || '.';
  const processes = entriesOf(config.processes).flatMap(([name, command]) => (asText(command) ? [{ name, command: asText(command)! }] : []));
  const groups = processes.length > 0 ? processes : [{ name: 'app', command: null }];
  const served = servedGroups(config);
  const findings = newFindings(path, 'fly');
  const processesLine = src.findLine(/^\s*\[processes\]/) || 1;
  for (const group of groups) {
    // A group's command is in [processes], below the top level's `app = 'name'`.
    const line = group.command ? src.findLine(new RegExp(`^\\s*["']?${escapeRegExp(group.name)}["']?\\s*=`), processesLine) : src.findLine(/^\s*app\s*=/);
    const evidence = src.evidence('fly.unit.process', line || 1);
    if (!evidence) continue;
    const name = groups.length > 1 ? `${app} ${group.name}` : app;
    const unit = newUnit('container-service', name, path, evidence, groupTrigger(src, app, group.name, served));
    if (!image) unit.build = { context: dir, dockerfile: dockerfile ? posix.relative(dir, posix.normalize(posix.join(dir, dockerfile))) || null : null };
    else unit.runs.push(`${image} (image)`);
    if (group.command) {
      unit.runs.push(group.command);
      unit.codePaths.push(...codePathsInCommand(group.command, src.dir));
    }
    for (const [key, value] of entriesOf(config.env)) recordEnvEntry(src, unit, { name: key, value: asText(value), line: src.findLine(new RegExp(`^\\s*["']?${escapeRegExp(key)}["']?\\s*=`)) || 1 });
    findings.units.push(unit);
  }
  return findings.units.length > 0 ? src.redactFindings(findings) : null;
}

/** The process groups HTTP reaches: `[http_service]` and `[[services]]` route to theirs, or to `app` when they name none. */
function servedGroups(config: Record<string, unknown>): Set<string> {
  const blocks = [asRecord(config.http_service), ...asArray(config.services).map(asRecord)].filter((block) => block !== null);
  return new Set(blocks.flatMap((block) => (block.processes === undefined ? ['app'] : textList(block.processes))));
}

function groupTrigger(src: ConfigSource, app: string, group: string, served: ReadonlySet<string>): TriggerFinding {
  const unknown: TriggerFinding = { kind: 'unknown', schedule: null, description: `Long-running ${group} process of ${app}: no route seen`, evidence: null };
  if (served.has(group)) {
    const line = src.findLine(/^\s*\[(http_service|\[services\])/);
    return trigger('webhook', 'web', `Serves HTTP requests (Fly.io app ${app}, ${group} processes)`, src.evidence('fly.trigger.web', line || 1)) ?? unknown;
  }
  // Typed only by its name: what its code starts (a chat bot, a queue worker) says more (link/process-triggers.ts).
  return trigger('event', 'background', `Background ${group} processes of ${app}: no route to them`, src.evidence('fly.trigger.background', src.findLine(/^\s*\[processes\]/) || 1)) ?? unknown;
}
