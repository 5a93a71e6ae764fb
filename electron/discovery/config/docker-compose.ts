import { posix } from 'node:path';
import type { TriggerFinding } from '../../../shared/discovery';
import type { ConfigFindings, UnitFinding } from '../findings';
import { codePathsInCommand } from './commands';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { isBackgroundWorker, queueHint } from './queue-hints';
import { ConfigSource } from './source';
import { addCredential, addUnique, copyCredentials, newFindings, newUnit, trigger, TRIGGER_RULE_OFF } from './units';
import { asArray, asRecord, asText, entriesOf, textList, type Json } from './values';
import { parseYamlDocuments, type PathSegment, type YamlDocument } from './yaml-documents';

/** docker-compose.yml / compose.yaml: one unit per service that runs code of its own. */
export function analyzeDockerCompose(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const [doc] = parseYamlDocuments(src);
  const services = asRecord(asRecord(doc?.value)?.services);
  const isCompose = services && Object.values(services).some((s) => ['image', 'build', 'command'].some((k) => k in (asRecord(s) ?? {})));
  if (!doc || !services || !isCompose) return null;

  const findings = newFindings(path, 'docker-compose');
  for (const [name, value] of entriesOf(services)) {
    const service = asRecord(value);
    const evidence = src.evidence('compose.unit.service', doc.lineOf(['services', name]));
    if (!service || !evidence) continue;
    const unit = newUnit('container-service', name, path, evidence, TRIGGER_RULE_OFF); // decided once its env is read
    recordService(src, doc, ['services', name], service, unit);
    // A database or cache from a public image runs no code of ours; its secrets still count.
    const runsOwnCode = 'build' in service || 'command' in service || 'entrypoint' in service || unit.llm.length > 0;
    if (runsOwnCode) findings.units.push(unit);
    else copyCredentials(findings, unit.credentials);
  }
  return src.redactFindings(findings);
}

function recordService(src: ConfigSource, doc: YamlDocument, path: PathSegment[], service: Json, unit: UnitFinding): void {
  const build = asText(service.build) ?? asText(asRecord(service.build)?.context);
  // Relative paths in the command are taken from the build context, where the code usually sits.
  const baseDir = build ? posix.normalize(posix.join(src.dir || '.', build)).replace(/^\.$/, '') : src.dir;
  const command = [...textList(service.entrypoint), ...textList(service.command)].join(' ');
  const image = asText(service.image);
  // With no command of its own, the service runs what its Dockerfile says (the linker reads it).
  if (build) unit.build = { context: baseDir.startsWith('..') ? '' : baseDir, dockerfile: asText(asRecord(service.build)?.dockerfile) };
  const profiles = textList(service.profiles);
  if (profiles.length > 0) unit.profiles = profiles;
  if (command) {
    unit.runs.push(command);
    addUnique(unit.codePaths, ...codePathsInCommand(command, baseDir.startsWith('..') ? '' : baseDir));
  } else if (image) {
    unit.runs.push(`${image} (image entrypoint)`);
  }
  for (const [name, value, line] of environmentOf(doc, path, service.environment)) {
    recordEnvEntry(src, unit, { name, value, line });
    recordMcpUrl(src, unit, name, value, line);
  }
  [...textList(service.env_file), ...asArray(service.env_file).map((e) => asText(asRecord(e)?.path)).filter((p): p is string => p !== null)].forEach((file) => {
    addCredential(unit, 'env-var', `env_file ${file}`, null, src.evidence('compose.credential.env-file', doc.lineOf([...path, 'env_file'])));
  });
  unit.trigger = serviceTrigger(src, doc, path, service, command, unit.codePaths);
  const ports = portsOf(service);
  if (ports.length > 0) unit.ports = ports;
}

/** `LEDGER_MCP_URL: http://ledger-mcp:8101/mcp`: a variable named for MCP holding a literal URL is where the service's code reaches that server. */
function recordMcpUrl(src: ConfigSource, unit: UnitFinding, name: string, value: string | null, line: number): void {
  const url = value?.trim();
  if (!url || !/MCP/i.test(name) || !/^https?:\/\/[^\s${}]+$/.test(url)) return;
  const evidence = src.evidence('config.endpoint.env-url', line);
  if (evidence) (unit.mcpUrls ??= []).push({ name, url, evidence });
}

/** Short (`"8000:8000"`) and long (`{target: 8000, published: 8001}`) port entries, as `published:target` text. */
function portsOf(service: Json): string[] {
  return asArray(service.ports).flatMap((entry) => {
    const long = asRecord(entry);
    if (!long) return textList(entry);
    const target = asText(long.target);
    const published = asText(long.published);
    return target ? [published ? `${published}:${target}` : target] : [];
  });
}

/** `environment:` as a map, or as a list of `NAME=value` / `NAME` (taken from the shell). */
function environmentOf(doc: YamlDocument, path: PathSegment[], environment: unknown): Array<[string, string | null, number]> {
  if (Array.isArray(environment)) {
    return environment.flatMap((item, i) => {
      const text = asText(item);
      if (!text) return [];
      const eq = text.indexOf('=');
      return [[eq < 0 ? text : text.slice(0, eq), eq < 0 ? null : text.slice(eq + 1), doc.lineOf([...path, 'environment', i])] as [string, string | null, number]];
    });
  }
  return entriesOf(environment).map(([name, value]) => [name, asText(value), doc.lineOf([...path, 'environment', name])]);
}

function serviceTrigger(src: ConfigSource, doc: YamlDocument, path: PathSegment[], service: Json, command: string, codePaths: readonly string[]): TriggerFinding {
  for (const [name, value, line] of [...environmentOf(doc, path, service.environment), ['command', command, doc.lineOf([...path, 'command'])] as const]) {
    const hint = queueHint(`${name} ${value ?? ''}`);
    const found = hint && trigger('event', hint, `Consumes messages (${hint})`, src.evidence('compose.trigger.queue', line));
    if (found) return found;
  }
  const ports = textList(service.ports).concat(asArray(service.ports).map((p) => asText(asRecord(p)?.target)).filter((p): p is string => p !== null));
  const found = ports.length > 0 && trigger('webhook', ports[0]!, `Serves requests on port ${ports[0]}`, src.evidence('compose.trigger.port', doc.lineOf([...path, 'ports'])));
  if (found) return found;
  const name = String(path[path.length - 1] ?? '');
  const background = isBackgroundWorker(name, codePaths) && trigger('event', 'background', `Background ${name} service: runs jobs or polls, no queue named`, src.evidence('compose.trigger.background', doc.lineOf(path)));
  return background || { kind: 'unknown', schedule: null, description: 'Long-running service: no queue or port seen', evidence: null };
}
