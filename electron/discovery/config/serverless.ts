import { posix } from 'node:path';
import type { TriggerFinding } from '../../../shared/discovery';
import type { ConfigFindings } from '../findings';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { capabilitiesOfStatement, invokesBedrock } from './iam-actions';
import { ConfigSource } from './source';
import { addCapability, addCredential, addLlm, cronTrigger, mergeFacts, newFindings, newUnit, noTrigger, primaryTrigger, trigger, type UnitFacts } from './units';
import { asArray, asRecord, asText, entriesOf, textList, type Json } from './values';
import { parseYamlDocuments, type PathSegment, type YamlDocument } from './yaml-documents';

const HTTP_EVENTS = new Set(['http', 'httpApi', 'websocket', 'alb', 'functionUrl']);
const MESSAGE_EVENTS = new Set(['sqs', 'sns', 's3', 'stream', 'kafka', 'msk', 'activemq', 'rabbitmq', 'cloudwatchEvent', 'cloudwatchLog', 'iot', 'cognitoUserPool', 'eventBridge']);
/** Plugins that bundle TypeScript handlers, so `src/x.main` is src/x.ts. */
const TYPESCRIPT_PLUGINS = /serverless-(esbuild|plugin-typescript|bundle|webpack)/;

/** serverless.yml (Serverless Framework): one unit per function. */
export function analyzeServerless(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const [doc] = parseYamlDocuments(src);
  const config = asRecord(doc?.value);
  const provider = asRecord(config?.provider);
  if (!doc || !config || !provider || !asRecord(config.functions)) return null;

  const findings = newFindings(path, 'serverless');
  const fileFacts: UnitFacts = { credentials: findings.credentials, capabilities: [], endpoints: [], llm: [] };
  recordEnvironment(src, doc, fileFacts, ['provider', 'environment'], provider.environment);
  recordProviderRole(src, doc, fileFacts, provider);
  const typescript = textList(config.plugins ?? asRecord(config.plugins)?.modules).some((p) => TYPESCRIPT_PLUGINS.test(p));

  for (const [name, value] of entriesOf(config.functions)) {
    const fn = asRecord(value);
    const evidence = src.evidence('sls.unit.function', doc.lineOf(['functions', name]));
    if (!fn || !evidence) continue;
    const unit = newUnit('serverless-function', asText(fn.name) ?? name, path, evidence, functionTrigger(src, doc, name, fn));
    const handler = asText(fn.handler);
    if (handler) {
      unit.runs.push(handler);
      const file = handlerFile(handler, asText(fn.runtime) ?? asText(provider.runtime) ?? '', typescript);
      if (file) unit.codePaths.push(posix.join(src.dir, file));
    } else if (asText(asRecord(fn.image)?.name) ?? asText(fn.image)) {
      unit.runs.push(`${asText(asRecord(fn.image)?.name) ?? asText(fn.image)} (image)`);
    }
    recordEnvironment(src, doc, unit, ['functions', name, 'environment'], fn.environment);
    const role = asText(fn.role);
    if (role) addCredential(unit, 'iam-role', role, 'aws', src.evidence('sls.credential.iam-role', doc.lineOf(['functions', name, 'role'])));
    mergeFacts(unit, fileFacts);
    findings.units.push(unit);
  }
  return src.redactFindings(findings);
}

/** `src/triage/handler.main` → src/triage/handler.py (Python) or .js/.ts (Node). */
function handlerFile(handler: string, runtime: string, typescript: boolean): string | null {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) return null;
  const module = handler.slice(0, dot);
  if (runtime.startsWith('python')) return `${module}.py`;
  if (runtime.startsWith('nodejs') || runtime === '') return `${module}.${typescript ? 'ts' : 'js'}`;
  return null;
}

function functionTrigger(src: ConfigSource, doc: YamlDocument, name: string, fn: Json): TriggerFinding {
  const found: Array<TriggerFinding | null> = [];
  asArray(fn.events).forEach((eventValue, i) => {
    const [type, settings] = entriesOf(eventValue)[0] ?? [];
    if (!type) return;
    const at = (...rest: PathSegment[]) => doc.lineOf(['functions', name, 'events', i, type, ...rest]);
    const schedules = type === 'schedule' ? scheduleExpressions(settings) : type === 'eventBridge' ? textList(asRecord(settings)?.schedule) : [];
    if (schedules.length > 0) {
      for (const expression of schedules) found.push(cronTrigger(expression, src.evidence('sls.trigger.schedule', at()), 'UTC'));
    } else if (HTTP_EVENTS.has(type)) {
      const http = asRecord(settings);
      const route = asText(settings) ?? [asText(http?.method)?.toUpperCase(), asText(http?.path)].filter(Boolean).join(' ');
      found.push(trigger('webhook', route || type, `On HTTP requests${route ? ` (${route})` : ''}`, src.evidence('sls.trigger.webhook', at())));
    } else if (MESSAGE_EVENTS.has(type)) {
      const source = eventSource(settings);
      found.push(trigger('event', `${type}${source ? `: ${source}` : ''}`, `On ${type} events${source ? ` from ${source}` : ''}`, src.evidence('sls.trigger.event', at())));
    }
  });
  return primaryTrigger(found, noTrigger('No events: invoked by another service or by hand'));
}

/** `schedule: rate(1 hour)`, `schedule: {rate: [cron(...), rate(...)], enabled: true}`. */
function scheduleExpressions(settings: unknown): string[] {
  const detailed = asRecord(settings);
  if (detailed?.enabled === false) return [];
  return detailed ? textList(detailed.rate) : textList(settings);
}

function eventSource(settings: unknown): string | null {
  const record = asRecord(settings);
  return asText(settings) ?? asText(record?.arn) ?? asText(record?.queue) ?? asText(record?.topicName) ?? asText(record?.bucket) ?? asText(record?.topic) ?? null;
}

function recordEnvironment(src: ConfigSource, doc: YamlDocument, facts: UnitFacts, path: PathSegment[], environment: unknown): void {
  for (const [name, value] of entriesOf(environment)) recordEnvEntry(src, facts, { name, value: asText(value), line: doc.lineOf([...path, name]) });
}

/** provider.iam.role (name, ARN or statements) and the older provider.iamRoleStatements. */
function recordProviderRole(src: ConfigSource, doc: YamlDocument, facts: UnitFacts, provider: Json): void {
  const role = asRecord(provider.iam)?.role;
  const roleName = asText(role) ?? asText(asRecord(role)?.name);
  if (roleName) addCredential(facts, 'iam-role', roleName, 'aws', src.evidence('sls.credential.iam-role', doc.lineOf(['provider', 'iam', 'role'])));
  const [statementsPath, statements] = asRecord(role)?.statements ? [['provider', 'iam', 'role', 'statements'], asRecord(role)!.statements] : [['provider', 'iamRoleStatements'], provider.iamRoleStatements];
  asArray(statements).forEach((value, i) => {
    const statement = asRecord(value);
    if (!statement) return;
    const parsed = { effect: asText(statement.Effect) ?? 'Allow', actions: textList(statement.Action), resources: textList(statement.Resource) };
    const line = doc.lineOf([...statementsPath, i]);
    for (const { kind, detail } of capabilitiesOfStatement(parsed)) addCapability(facts, kind, detail, src.evidence('sls.capability.iam-statement', line));
    if (invokesBedrock(parsed)) addLlm(facts, 'bedrock', 'IAM bedrock:InvokeModel', [], src.evidence('sls.llm.bedrock-statement', line));
  });
}

