import type { TriggerFinding } from '../../../shared/discovery';
import type { ConfigFindings, K8sServiceFact, UnitFinding } from '../findings';
import { codePathsInCommand } from './commands';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { queueHint } from './queue-hints';
import { ConfigSource } from './source';
import { addCredential, addUnique, cronTrigger, newFindings, newUnit, noTrigger, trigger, TRIGGER_RULE_OFF } from './units';
import { asArray, asRecord, asText, entriesOf, textList, type Json } from './values';
import { parseYamlDocuments, type PathSegment, type YamlDocument } from './yaml-documents';

/** Stands in for Helm `{{ … }}` with the same length, so offsets, lines and YAML structure survive. */
const TEMPLATE_MARK = '¤';
const TEMPLATE = /\{\{-?[\s\S]*?-?\}\}/g;

/** Annotations that bind a Kubernetes service account to a cloud identity (workload identity). */
const IDENTITY_ANNOTATIONS: Array<{ key: string; kind: 'iam-role' | 'service-account'; provider: string; rule: string }> = [
  { key: 'eks.amazonaws.com/role-arn', kind: 'iam-role', provider: 'aws', rule: 'k8s.credential.irsa' },
  { key: 'iam.gke.io/gcp-service-account', kind: 'service-account', provider: 'google', rule: 'k8s.credential.workload-identity' },
  { key: 'azure.workload.identity/client-id', kind: 'service-account', provider: 'azure', rule: 'k8s.credential.workload-identity' },
];

interface Resource {
  value: Json;
  doc: YamlDocument;
  /** Where the resource sits in its document: [] or ['items', i] in a `kind: List`. */
  at: PathSegment[];
  namespace: string;
  name: string;
}

interface ServiceAccountIdentity {
  kind: 'iam-role' | 'service-account';
  identity: string;
  provider: string;
  rule: string;
  line: number;
}

/**
 * Kubernetes manifests (multi-document, `kind: List`, Helm templates): CronJobs and long-running
 * workloads become units; service-account identities are file-level facts the linker can join.
 */
export function analyzeKubernetes(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const helm = text.includes('{{');
  const documents = parseYamlDocuments(src, { skipBadDocuments: helm, text: helm ? blankTemplating(text) : text });
  const resources = documents.flatMap((doc) => resourcesOf(src, doc));
  if (resources.length === 0) return null;

  const findings = newFindings(path, 'kubernetes');
  const identities = serviceAccountIdentities(src, resources, findings);
  const services = resources.filter((r) => r.value.kind === 'Service' && !isKnativeService(r));
  for (const resource of resources) {
    const unit = workloadUnit(src, resource, services);
    if (!unit) continue;
    const podKeys = resource.value.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template', 'spec'] : ['spec', 'template', 'spec'];
    const pod = asRecord(podKeys.reduce<unknown>((value, key) => asRecord(value)?.[key], resource.value));
    if (pod) recordPodSpec(src, resource, pod, [...resource.at, ...podKeys], unit, identities);
    if (unit.kind === 'k8s-deployment') unit.k8s = { namespace: resource.namespace, labels: podLabels(resource) };
    findings.units.push(unit);
  }
  const declared = serviceFacts(src, services);
  if (declared.length > 0) findings.k8sServices = declared;
  return src.redactFindings(findings);
}

function blankTemplating(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      // A line that is only templating (if/end/include) carries no YAML of its own.
      if (/^\s*\{\{[\s\S]*\}\}\s*$/.test(line) && line.replace(TEMPLATE, '').trim() === '') return ' '.repeat(line.length);
      return line.replace(TEMPLATE, (t) => TEMPLATE_MARK.repeat(t.length));
    })
    .join('\n');
}

function resourcesOf(src: ConfigSource, doc: YamlDocument): Resource[] {
  const root = asRecord(doc.value);
  if (!root) return [];
  const entries: Array<[Json, PathSegment[]]> = root.kind === 'List' ? asArray(root.items).map((item, i) => [asRecord(item) ?? {}, ['items', i]]) : [[root, []]];
  return entries
    .filter(([value]) => typeof value.apiVersion === 'string' && typeof value.kind === 'string')
    .map(([value, at]) => {
      const metadata = asRecord(value.metadata);
      const written = (key: string) => asText(metadata?.[key]) && writtenValue(src, asText(metadata?.[key])!, doc.lineOf([...at, 'metadata', key]));
      return { value, doc, at, namespace: written('namespace') || 'default', name: written('name') || '(unnamed)' };
    });
}

/** A value as the file writes it: a templated Helm name is shown with its template, not the blanks. */
function writtenValue(src: ConfigSource, value: string, line: number): string {
  if (!value.includes(TEMPLATE_MARK)) return value;
  return src.lineText(line).replace(/^[\s-]*[\w.-]+:\s*/, '').trim();
}

/** ServiceAccounts annotated with a cloud identity, keyed "namespace/name"; also listed at file level. */
function serviceAccountIdentities(src: ConfigSource, resources: Resource[], findings: ConfigFindings): Map<string, ServiceAccountIdentity> {
  const identities = new Map<string, ServiceAccountIdentity>();
  for (const resource of resources.filter((r) => r.value.kind === 'ServiceAccount')) {
    const annotations = asRecord(asRecord(resource.value.metadata)?.annotations);
    for (const { key, kind, provider, rule } of IDENTITY_ANNOTATIONS) {
      const identity = asText(annotations?.[key]);
      if (!identity || identity.includes(TEMPLATE_MARK)) continue;
      const line = resource.doc.lineOf([...resource.at, 'metadata', 'annotations', key]);
      const account = `${resource.namespace}/${resource.name}`;
      identities.set(account, { kind, identity, provider, rule, line });
      addCredential(findings, kind, `serviceaccount/${account} -> ${identity}`, provider, src.evidence(rule, line));
    }
  }
  return identities;
}

function workloadUnit(src: ConfigSource, resource: Resource, services: Resource[]): UnitFinding | null {
  const { value, doc, at } = resource;
  const unitLine = doc.lineOf([...at, 'kind']);
  if (value.kind === 'CronJob') {
    const evidence = src.evidence('k8s.unit.cronjob', unitLine);
    if (!evidence) return null;
    const spec = asRecord(value.spec);
    const schedule = asText(spec?.schedule);
    const zone = asText(spec?.timeZone);
    const line = doc.lineOf([...at, 'spec', 'schedule']);
    let found = schedule ? (scheduleTrigger(src, schedule, zone, line) ?? TRIGGER_RULE_OFF) : noTrigger('CronJob without a schedule');
    if (spec?.suspend === true) found = { ...found, description: `Suspended (spec.suspend: true): ${found.description}` };
    return newUnit('k8s-cronjob', resource.name, src.path, evidence, found);
  }
  if (value.kind === 'Deployment' || value.kind === 'StatefulSet') {
    const evidence = src.evidence('k8s.unit.deployment', unitLine);
    if (!evidence) return null;
    return newUnit('k8s-deployment', resource.name, src.path, evidence, serviceTrigger(src, resource, services));
  }
  if (isKnativeService(resource)) {
    // Knative serving (and Cloud Run, whose service.yaml is one): the platform routes HTTP requests to the pods and scales them.
    const evidence = src.evidence('k8s.unit.deployment', unitLine);
    if (!evidence) return null;
    const found = trigger('webhook', `service/${resource.name}`, `Serves HTTP requests (Knative / Cloud Run service ${resource.name})`, src.evidence('k8s.trigger.service-port', unitLine));
    return newUnit('k8s-deployment', resource.name, src.path, evidence, found ?? { kind: 'unknown', schedule: null, description: 'Knative service', evidence: null });
  }
  return null;
}

/** `apiVersion: serving.knative.dev/v1`, `kind: Service`: a workload, not a Kubernetes Service selecting pods. */
function isKnativeService(resource: Resource): boolean {
  return resource.value.kind === 'Service' && typeof resource.value.apiVersion === 'string' && resource.value.apiVersion.startsWith('serving.knative.dev/');
}

function podLabels(resource: Resource): Record<string, string> {
  const labels = asRecord(asRecord(asRecord(asRecord(resource.value.spec)?.template)?.metadata)?.labels) ?? {};
  return Object.fromEntries(entriesOf(labels).flatMap(([key, value]) => (typeof value === 'string' || typeof value === 'number' ? [[key, String(value)]] : [])));
}

/**
 * Services and the ports they forward, so a client reaching `http://ledger-mcp.finance.svc.cluster.local/mcp`
 * can be tied to the workload (in this file or another) whose pods the Service selects.
 */
function serviceFacts(src: ConfigSource, services: Resource[]): K8sServiceFact[] {
  return services.flatMap((service) => {
    const spec = asRecord(service.value.spec);
    const selector = Object.fromEntries(entriesOf(spec?.selector).flatMap(([key, value]) => (typeof value === 'string' || typeof value === 'number' ? [[key, String(value)]] : [])));
    const ports = asArray(spec?.ports).flatMap((entry) => {
      const written = asRecord(entry);
      const port = Number(written?.port);
      if (!Number.isInteger(port) || port <= 0) return [];
      const target = written?.targetPort === undefined ? port : Number(written.targetPort);
      return [{ port, targetPort: Number.isInteger(target) && target > 0 ? target : null }];
    });
    const evidence = src.evidence('k8s.trigger.service-port', service.doc.lineOf([...service.at, 'kind']));
    return evidence && Object.keys(selector).length > 0 && ports.length > 0 ? [{ name: service.name, namespace: service.namespace, selector, ports, evidence }] : [];
  });
}

function scheduleTrigger(src: ConfigSource, schedule: string, zone: string | null, line: number): TriggerFinding | null {
  if (schedule.includes(TEMPLATE_MARK)) {
    const expression = src.lineText(line).match(TEMPLATE)?.[0] ?? 'a Helm value';
    return trigger('cron', expression, `On a schedule set by the Helm chart's values (${expression})`, src.evidence('k8s.trigger.schedule', line));
  }
  return cronTrigger(schedule, src.evidence('k8s.trigger.schedule', line), zone && !zone.includes(TEMPLATE_MARK) ? zone : null);
}

/**
 * A long-running service is started by what it consumes: a queue (event), else requests on a
 * port (webhook); with neither in the manifest we cannot say.
 */
function serviceTrigger(src: ConfigSource, resource: Resource, services: Resource[]): TriggerFinding {
  const { doc, at } = resource;
  const pod = asRecord(asRecord(asRecord(resource.value.spec)?.template)?.spec);
  const containers = asArray(pod?.containers).map(asRecord);
  for (const [c, container] of containers.entries()) {
    const containerPath = [...at, 'spec', 'template', 'spec', 'containers', c];
    for (const [e, env] of asArray(container?.env).entries()) {
      const entry = asRecord(env);
      const words = `${asText(entry?.name) ?? ''} ${asText(entry?.value) ?? ''}`;
      const hint = queueHint(words);
      if (hint) return queueTrigger(src, hint, doc.lineOf([...containerPath, 'env', e]));
    }
    for (const key of ['command', 'args']) {
      const hint = queueHint(textList(container?.[key]).join(' '));
      if (hint) return queueTrigger(src, hint, doc.lineOf([...containerPath, key]));
    }
  }
  for (const [c, container] of containers.entries()) {
    const port = asArray(container?.ports).map(asRecord).find((p) => p?.containerPort !== undefined);
    if (port) {
      const line = doc.lineOf([...at, 'spec', 'template', 'spec', 'containers', c, 'ports']);
      const found = trigger('webhook', String(port.containerPort), `Serves requests on port ${port.containerPort}`, src.evidence('k8s.trigger.service-port', line));
      if (found) return found;
    }
  }
  const labels = asRecord(asRecord(asRecord(asRecord(resource.value.spec)?.template)?.metadata)?.labels) ?? {};
  const service = services.find((s) => {
    const selector = entriesOf(asRecord(s.value.spec)?.selector);
    return selector.length > 0 && selector.every(([k, v]) => labels[k] === v);
  });
  const found = service && trigger('webhook', `service/${service.name}`, `Serves requests through Service ${service.name}`, src.evidence('k8s.trigger.service-port', service.doc.lineOf([...service.at, 'kind'])));
  return found || { kind: 'unknown', schedule: null, description: 'Long-running service: no queue or port seen in the manifest', evidence: null };
}

function queueTrigger(src: ConfigSource, hint: string, line: number): TriggerFinding {
  return trigger('event', hint, `Consumes messages (${hint})`, src.evidence('k8s.trigger.queue', line)) ?? { kind: 'unknown', schedule: null, description: 'Long-running service', evidence: null };
}

function recordPodSpec(src: ConfigSource, resource: Resource, pod: Json, podPath: PathSegment[], unit: UnitFinding, identities: Map<string, ServiceAccountIdentity>): void {
  const { doc, namespace } = resource;
  const account = asText(pod.serviceAccountName) ?? asText(pod.serviceAccount);
  if (account) {
    const key = `${namespace}/${account}`;
    addCredential(unit, 'service-account', `serviceaccount/${key}`, null, src.evidence('k8s.credential.service-account', doc.lineOf([...podPath, pod.serviceAccountName ? 'serviceAccountName' : 'serviceAccount'])));
    const identity = identities.get(key);
    if (identity) addCredential(unit, identity.kind, identity.identity, identity.provider, src.evidence(identity.rule, identity.line));
  }
  for (const list of ['initContainers', 'containers']) {
    asArray(pod[list]).forEach((value, c) => recordContainer(src, doc, namespace, [...podPath, list, c], asRecord(value), unit));
  }
  asArray(pod.volumes).forEach((value, v) => {
    const secret = asText(asRecord(asRecord(value)?.secret)?.secretName);
    if (secret) addCredential(unit, 'k8s-secret', `secret/${namespace}/${secret}`, null, src.evidence('k8s.credential.secret-ref', doc.lineOf([...podPath, 'volumes', v, 'secret', 'secretName'])));
  });
}

function recordContainer(src: ConfigSource, doc: YamlDocument, namespace: string, path: PathSegment[], container: Json | null, unit: UnitFinding): void {
  if (!container) return;
  const command = [...textList(container.command), ...textList(container.args)];
  // `sh -c "python x.py"`: the script after -c is what runs.
  const shellScript = command.length >= 3 && /(^|\/)(ba)?sh$/.test(command[0]!) && command[1] === '-c' ? command.slice(2).join(' ') : null;
  const run = shellScript ?? command.join(' ');
  const image = asText(container.image);
  if (run) {
    addUnique(unit.runs, run);
    addUnique(unit.codePaths, ...codePathsInCommand(run, ''));
  } else if (image && !image.includes(TEMPLATE_MARK)) {
    addUnique(unit.runs, `${image} (image entrypoint)`);
  }
  asArray(container.env).forEach((value, e) => {
    const env = asRecord(value);
    const name = asText(env?.name);
    if (!env || !name) return;
    const line = doc.lineOf([...path, 'env', e]);
    const secretRef = asRecord(asRecord(env.valueFrom)?.secretKeyRef);
    if (secretRef) {
      const secretName = `secret/${namespace}/${asText(secretRef.name) ?? '?'}#${asText(secretRef.key) ?? '?'}`;
      addCredential(unit, 'k8s-secret', secretName, null, src.evidence('k8s.credential.secret-ref', doc.lineOf([...path, 'env', e, 'valueFrom', 'secretKeyRef'])));
    }
    const text = asText(env.value);
    recordEnvEntry(src, unit, { name, value: text && !text.includes(TEMPLATE_MARK) ? text : null, line: text !== null ? doc.lineOf([...path, 'env', e, 'value']) : line });
  });
  asArray(container.envFrom).forEach((value, e) => {
    const secret = asText(asRecord(asRecord(value)?.secretRef)?.name);
    if (secret) addCredential(unit, 'k8s-secret', `secret/${namespace}/${secret}`, null, src.evidence('k8s.credential.secret-ref', doc.lineOf([...path, 'envFrom', e, 'secretRef'])));
  });
}
