import { posix } from 'node:path';
import type { TriggerFinding } from '../../../shared/discovery';
import type { ConfigFindings, UnitFinding } from '../findings';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { parseJsonDocument } from './json-document';
import { ConfigSource } from './source';
import { parseTomlValue } from './toml-value';
import { addCredential, cronTrigger, newFindings, newUnit, primaryTrigger, trigger, noTrigger } from './units';
import { asArray, asRecord, asText, entriesOf, textList, type Json } from './values';
import type { PathSegment } from './yaml-documents';

/** wrangler.toml, wrangler.json and wrangler.jsonc: the config `wrangler deploy` reads. */
export const WRANGLER_CONFIG = /(^|\/)wrangler\.(toml|jsonc?)$/i;

/** The Workers AI binding's provider name, as the code rules name it for `env.AI.run` and workers-ai-provider. */
export const WORKERS_AI_PROVIDER = 'workers-ai';

interface WranglerDocument {
  value: Json;
  lineOf(path: readonly PathSegment[]): number;
}

/**
 * A Cloudflare Worker's deployment config: one serverless function, named by `name`, whose code
 * is `main` (the script wrangler bundles, with everything it imports). It answers HTTP requests
 * unless its code exports no fetch handler, runs on `triggers.crons` and on the messages of the
 * queues it consumes. `vars` are its environment; the Workers AI binding (`ai.binding`) is the
 * account's model access the code spends through `env.AI`.
 *
 * Environments (`[env.production]`, `"env": { "staging": {…} }`) deploy the same code as workers
 * named `<name>-<env>`: one agent where it runs, not one per environment (real configs keep the
 * local setup at the top and the crons, vars, secrets and bindings that run in production in the
 * environment). Their triggers, vars, secrets, AI binding and hosts are the unit's.
 */
export function analyzeWrangler(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const document = path.toLowerCase().endsWith('.toml') ? tomlDocument(src) : jsonDocument(src);
  const main = typeof document.value.main === 'string' ? document.value.main.trim() : null;
  // Without `main` the config deploys static assets or a Pages project: no code of ours runs.
  if (!main) return null;
  const config = document.value;
  const name = asText(config.name) ?? (posix.basename(src.dir) || 'worker');
  const evidence = src.evidence('wrangler.unit.worker', document.lineOf(['main']));
  if (!evidence) return null;
  const findings = newFindings(path, 'wrangler');
  const environments = environmentsOf(config, name);
  const unit = newUnit('serverless-function', name, path, evidence, workerTrigger(src, document, environments));
  unit.codePaths.push(posix.normalize(main.replace(/^\.\//, '')));
  for (const environment of environments) {
    const at = (...keys: PathSegment[]) => document.lineOf([...environment.path, ...keys]);
    for (const [key, value] of entriesOf(environment.config.vars)) {
      // Structured vars (objects) are JSON values, never credentials by their shape.
      if (asRecord(value) || Array.isArray(value)) continue;
      recordEnvEntry(src, unit, { name: key, value: asText(value), line: at('vars', key) });
      recordMcpUrl(src, unit, key, asText(value), at('vars', key));
    }
    // Secrets are set with `wrangler secret put`; a config may only list the names it requires.
    for (const secret of textsOf(asRecord(environment.config.secrets)?.required)) {
      addCredential(unit, 'env-var', secret, null, src.evidence('wrangler.credential.secret', at('secrets', 'required')));
    }
    const aiBinding = asText(asRecord(environment.config.ai)?.binding);
    if (aiBinding) addCredential(unit, 'env-var', `${aiBinding} (Workers AI binding)`, WORKERS_AI_PROVIDER, src.evidence('wrangler.credential.ai-binding', at('ai', 'binding')));
  }
  const hosts = [...new Set(environments.flatMap(hostsOf))];
  if (hosts.length > 0) unit.hosts = hosts;
  findings.units.push(unit);
  return src.redactFindings(findings);
}

/** The top level or one `env` entry: where its keys sit, the worker name it deploys as, and what it inherits. */
interface WorkerEnvironment {
  path: PathSegment[];
  config: Json;
  workerName: string;
  workersDev: boolean;
  routes: unknown[];
}

/**
 * The top level, then each environment. `workers_dev` and routes are inherited from the top level
 * when an environment does not set them (wrangler's inheritable keys); vars, secrets, bindings and
 * queues are not, so only an environment's own are read.
 */
function environmentsOf(config: Json, name: string): WorkerEnvironment[] {
  const routesOf = (record: Json) => (record.route !== undefined || record.routes !== undefined ? [record.route, ...asArray(record.routes)] : null);
  const top: WorkerEnvironment = { path: [], config, workerName: name, workersDev: config.workers_dev !== false, routes: routesOf(config) ?? [] };
  const environments = entriesOf(config.env).flatMap(([envName, value]): WorkerEnvironment[] => {
    const record = asRecord(value);
    if (!record) return [];
    const workersDev = record.workers_dev === undefined ? top.workersDev : record.workers_dev !== false;
    return [{ path: ['env', envName], config: record, workerName: asText(record.name) ?? `${name}-${envName}`, workersDev, routes: routesOf(record) ?? top.routes }];
  });
  return [top, ...environments];
}

/**
 * Where one environment of the worker answers: `<name>.<account subdomain>.workers.dev` unless
 * `workers_dev = false` (the account's subdomain is not in the repository: `*` stands for it), and
 * the hosts of its routes and custom domains (`route = "mcp.example.com/*"`, `routes = [{ pattern, custom_domain }]`).
 */
function hostsOf(environment: WorkerEnvironment): string[] {
  const hosts = environment.workersDev ? [`${environment.workerName.toLowerCase()}.*.workers.dev`] : [];
  const routes = environment.routes.map((route) => (typeof route === 'string' ? route : asText(asRecord(route)?.pattern)));
  for (const pattern of routes) {
    const host = pattern?.replace(/^https?:\/\//, '').split('/')[0]?.toLowerCase();
    // A zone wildcard (`*.example.com/*`) names no one host a client would write.
    if (host && /^(?=.*[a-z])[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) && !hosts.includes(host)) hosts.push(host);
  }
  return hosts;
}

/** `LEDGER_MCP_URL = "https://ledger-mcp.acme.workers.dev/mcp"`: a var named for MCP holding a URL is where the worker's code reaches that server. */
function recordMcpUrl(src: ConfigSource, unit: UnitFinding, name: string, value: string | null, line: number): void {
  const url = value?.trim();
  if (!url || !/MCP/i.test(name) || !/^https?:\/\/[^\s${}]+$/.test(url)) return;
  const evidence = src.evidence('config.endpoint.env-url', line);
  if (evidence) (unit.mcpUrls ??= []).push({ name, url, evidence });
}

function workerTrigger(src: ConfigSource, document: WranglerDocument, environments: readonly WorkerEnvironment[]): TriggerFinding {
  const found: Array<TriggerFinding | null> = [];
  // The same schedule or queue in two environments (staging and production) is said once.
  const seen = new Set<string>();
  const add = (key: string, finding: TriggerFinding | null) => {
    if (seen.has(key)) return;
    seen.add(key);
    found.push(finding);
  };
  for (const environment of environments) {
    const at = (...keys: PathSegment[]) => document.lineOf([...environment.path, ...keys]);
    textsOf(asRecord(environment.config.triggers)?.crons).forEach((expression, i) => add(`cron ${expression}`, cronTrigger(expression, src.evidence('wrangler.trigger.cron', at('triggers', 'crons', i)), 'UTC')));
    asArray(asRecord(environment.config.queues)?.consumers).forEach((value, i) => {
      const queue = asText(asRecord(value)?.queue);
      if (queue) add(`queue ${queue}`, trigger('event', `queue: ${queue}`, `On messages of the ${queue} queue`, src.evidence('wrangler.trigger.queue', at('queues', 'consumers', i))));
    });
  }
  // `workers_dev = false` with no route leaves the fetch handler unreachable from outside.
  const routed = environments.some((environment) => environment.workersDev || environment.routes.length > 0);
  if (routed) found.push(trigger('webhook', 'fetch', 'On HTTP requests to the worker', src.evidence('wrangler.trigger.fetch', document.lineOf(['main']))));
  return primaryTrigger(found, noTrigger('No route, schedule or queue: invoked by another worker or by hand'));
}

function jsonDocument(src: ConfigSource): WranglerDocument {
  const document = parseJsonDocument(src);
  return { value: asRecord(document.value) ?? {}, lineOf: (path) => document.lineOf(path) };
}

/**
 * TOML keys are found by their line: `key =` for a value, `[table]` / `[[array]]` headers for
 * tables. Good enough for the few keys evidence points at; a miss falls back to the table's line.
 */
function tomlDocument(src: ConfigSource): WranglerDocument {
  const value = parseTomlValue(src);
  const lineOf = (path: readonly PathSegment[]): number => {
    const keys = path.filter((segment): segment is string => typeof segment === 'string');
    const index = path.find((segment): segment is number => typeof segment === 'number') ?? 0;
    const [table, key] = keys.length > 1 ? [keys.slice(0, -1).join('.'), keys[keys.length - 1]!] : ['', keys[0] ?? ''];
    const header = table ? src.findLine(new RegExp(`^\\s*\\[\\[?\\s*${escape(table)}\\s*\\]\\]?`)) : 0;
    if (keys.length > 1 && typeof path[path.length - 1] === 'number') {
      // An array of tables (`[[queues.consumers]]`): the n-th header.
      let line = 0;
      for (let i = 0; i <= index; i++) line = src.findLine(new RegExp(`^\\s*\\[\\[\\s*${escape(keys.join('.'))}\\s*\\]\\]`), line + 1);
      if (line) return line;
    }
    const inline = src.findLine(new RegExp(`^\\s*${escape(key)}\\s*=`), header || 1);
    return inline || header || src.findLine(new RegExp(`^\\s*${escape(keys[0] ?? '')}\\s*=`)) || 1;
  };
  return { value, lineOf };
}

/** The strings of a list; wrangler takes lists only, so a lone string is not one. */
const textsOf = (value: unknown): string[] => (Array.isArray(value) ? textList(value) : []);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
