import { posix } from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { TriggerFinding } from '../../../shared/discovery';
import type { ConfigFindings, UnitFinding } from '../findings';
import { ConfigSyntaxError, type ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { parseJsonDocument } from './json-document';
import { ConfigSource } from './source';
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
  const unit = newUnit('serverless-function', name, path, evidence, workerTrigger(src, document));
  unit.codePaths.push(posix.normalize(main.replace(/^\.\//, '')));
  for (const [key, value] of entriesOf(config.vars)) {
    // Structured vars (objects) are JSON values, never credentials by their shape.
    if (asRecord(value) || Array.isArray(value)) continue;
    recordEnvEntry(src, unit, { name: key, value: asText(value), line: document.lineOf(['vars', key]) });
    recordMcpUrl(src, unit, key, asText(value), document.lineOf(['vars', key]));
  }
  // Secrets are set with `wrangler secret put`; a config may only list the names it requires.
  for (const secret of textsOf(asRecord(config.secrets)?.required)) {
    addCredential(unit, 'env-var', secret, null, src.evidence('wrangler.credential.secret', document.lineOf(['secrets', 'required'])));
  }
  const aiBinding = asText(asRecord(config.ai)?.binding);
  if (aiBinding) addCredential(unit, 'env-var', `${aiBinding} (Workers AI binding)`, WORKERS_AI_PROVIDER, src.evidence('wrangler.credential.ai-binding', document.lineOf(['ai', 'binding'])));
  const hosts = hostsOf(config, name);
  if (hosts.length > 0) unit.hosts = hosts;
  findings.units.push(unit);
  return src.redactFindings(findings);
}

/**
 * Where the worker answers: `<name>.<account subdomain>.workers.dev` unless `workers_dev = false`
 * (the account's subdomain is not in the repository: `*` stands for it), and the hosts of its
 * routes and custom domains (`route = "mcp.example.com/*"`, `routes = [{ pattern, custom_domain }]`).
 */
function hostsOf(config: Json, name: string): string[] {
  const hosts = config.workers_dev === false ? [] : [`${name.toLowerCase()}.*.workers.dev`];
  const routes = [config.route, ...asArray(config.routes)].map((route) => (typeof route === 'string' ? route : asText(asRecord(route)?.pattern)));
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

function workerTrigger(src: ConfigSource, document: WranglerDocument): TriggerFinding {
  const config = document.value;
  const found: Array<TriggerFinding | null> = [];
  const crons = textsOf(asRecord(config.triggers)?.crons);
  crons.forEach((expression, i) => found.push(cronTrigger(expression, src.evidence('wrangler.trigger.cron', document.lineOf(['triggers', 'crons', i])), 'UTC')));
  asArray(asRecord(config.queues)?.consumers).forEach((value, i) => {
    const queue = asText(asRecord(value)?.queue);
    if (queue) found.push(trigger('event', `queue: ${queue}`, `On messages of the ${queue} queue`, src.evidence('wrangler.trigger.queue', document.lineOf(['queues', 'consumers', i]))));
  });
  // `workers_dev = false` with no route leaves the fetch handler unreachable from outside.
  const routed = config.workers_dev !== false || config.route !== undefined || config.routes !== undefined;
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
  let value: Json;
  try {
    value = parseToml(src.text) as Json;
  } catch (error) {
    if (error instanceof TomlError) throw new ConfigSyntaxError(`not valid TOML: ${error.message.split('\n')[0]}`, error.line);
    throw error;
  }
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
