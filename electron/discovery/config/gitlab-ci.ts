import type { TriggerFinding, UntrustedInputFinding } from '../../../shared/discovery';
import type { ConfigFindings, UnitFinding } from '../findings';
import { codePathsInCommand, commandLines } from './commands';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { isCredentialName, providerOfName } from './secrets';
import { ConfigSource } from './source';
import { addCredential, addUnique, mergeFacts, newFindings, newUnit, noTrigger, primaryTrigger, trigger, type UnitFacts, TRIGGER_RULE_OFF } from './units';
import { asArray, asRecord, asText, entriesOf, textList, type Json } from './values';
import { parseYamlDocuments, type PathSegment, type YamlDocument } from './yaml-documents';
import { lookupTable } from '../lookup-table';

/** Top-level keys that configure the pipeline rather than name a job. */
const GLOBAL_KEYWORDS = new Set(['image', 'services', 'stages', 'types', 'before_script', 'after_script', 'variables', 'cache', 'include', 'workflow', 'default', 'spec']);
const SCRIPT_KEYS = ['before_script', 'script', 'after_script'] as const;
/** `$NAME` / `${NAME}` in a script; GitLab's own CI_* and GITLAB_* variables hold no secrets of ours. */
const VARIABLE_REF = /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g;
const PREDEFINED = /^(CI|GITLAB|FF)_/;

/** `only:` keywords and the pipeline source each stands for. */
const ONLY_SOURCES = lookupTable<string>({ schedules: 'schedule', web: 'web', triggers: 'trigger', pipelines: 'pipeline', api: 'api', merge_requests: 'merge_request_event', pushes: 'push' });

/** Predefined variables holding text a merge request's author writes (anyone who can open one). */
const OUTSIDER_TEXT = /\$\{?(CI_MERGE_REQUEST_(?:DESCRIPTION|TITLE))\b/g;

const SCHEDULE_DESCRIPTION = 'On a pipeline schedule (the cron is set in GitLab under Build > Pipeline schedules, not in this file)';

/** A script that pastes a merge request's description or title into a command or a prompt. */
function recordOutsiderText(src: ConfigSource, unit: UnitFinding, lines: [number, number] | null): void {
  if (!lines) return;
  for (let line = lines[0]; line <= lines[1]; line++) {
    for (const match of src.lineText(line).matchAll(OUTSIDER_TEXT)) {
      const evidence = src.evidence('gitlab.untrusted-input.merge-request-text', line);
      const input: UntrustedInputFinding | null = evidence ? { kind: 'code-comment', detail: `$${match[1]}`, tool: null, evidence } : null;
      if (input && !unit.untrustedInputs.some((f) => f.detail === input.detail && f.evidence.line === line)) unit.untrustedInputs.push(input);
    }
  }
}

/** .gitlab-ci.yml: one unit per job; hidden jobs (`.name`) are templates, resolved through `extends`. */
export function analyzeGitlabCi(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const [doc] = parseYamlDocuments(src);
  const pipeline = asRecord(doc?.value);
  if (!doc || !pipeline) return null;
  const jobNames = Object.keys(pipeline).filter((key) => !GLOBAL_KEYWORDS.has(key) && !key.startsWith('.') && isJob(asRecord(pipeline[key])));
  if (jobNames.length === 0) return null;

  const findings = newFindings(path, 'gitlab-ci');
  const fileFacts: UnitFacts = { credentials: findings.credentials, capabilities: [], endpoints: [], llm: [] };
  const globalVariables = Object.keys(asRecord(pipeline.variables) ?? {});
  recordVariables(src, doc, fileFacts, ['variables'], pipeline.variables);
  const workflowTrigger = triggerOf(src, doc, ['workflow'], asRecord(pipeline.workflow) ?? {});

  for (const name of jobNames) {
    const evidence = src.evidence('gitlab.unit.job', doc.lineOf([name]));
    if (!evidence) continue;
    const lookup = (key: string) => inherited(pipeline, name, key);
    const own = triggerOf(src, doc, [name], { rules: lookup('rules')?.value, only: lookup('only')?.value, when: lookup('when')?.value });
    const unit = newUnit('ci-job', name, path, evidence, own ?? workflowTrigger ?? noTrigger('On every push (GitLab runs jobs without rules on each pipeline)'));
    const variables = lookup('variables');
    if (variables) recordVariables(src, doc, unit, [variables.owner, 'variables'], variables.value);
    const defined = new Set([...globalVariables, ...Object.keys(asRecord(variables?.value) ?? {})]);
    for (const key of SCRIPT_KEYS) {
      const script = lookup(key) ?? (key === 'script' ? undefined : inheritedDefault(pipeline, key));
      if (script) recordScript(src, doc, unit, [script.owner, key], script.value, defined);
      if (script) recordOutsiderText(src, unit, doc.linesOf([script.owner, key]));
    }
    for (const [secret] of entriesOf(lookup('secrets')?.value)) {
      addCredential(unit, 'ci-secret', secret, providerOfName(secret), src.evidence('gitlab.credential.ci-variable', doc.lineOf([name, 'secrets', secret])));
    }
    mergeFacts(unit, fileFacts);
    findings.units.push(unit);
  }
  return src.redactFindings(findings);
}

const isJob = (value: Json | null) => value !== null && ['script', 'trigger', 'extends', 'run'].some((key) => key in value);

/** A job's own key, or the one it inherits through `extends` (a template or a list of them). */
function inherited(pipeline: Json, jobName: string, key: string): { value: unknown; owner: string } | undefined {
  const seen = new Set<string>();
  const queue = [jobName];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue; // an extends loop is GitLab's error to report, not a reason to hang
    seen.add(name);
    const job = asRecord(pipeline[name]);
    if (!job) continue;
    if (key in job) return { value: job[key], owner: name };
    queue.push(...textList(job.extends));
  }
  return undefined;
}

function inheritedDefault(pipeline: Json, key: string): { value: unknown; owner: string } | undefined {
  const defaults = asRecord(pipeline.default);
  if (defaults && key in defaults) return { value: defaults[key], owner: 'default' };
  return key in pipeline ? { value: pipeline[key], owner: '' } : undefined;
}

/**
 * When a job runs, from `rules: - if: $CI_PIPELINE_SOURCE == "..."`, `only:` and `when: manual`.
 * A scheduled pipeline's cron lives in GitLab's settings, so the trigger says so instead.
 */
function triggerOf(src: ConfigSource, doc: YamlDocument, at: PathSegment[], job: { rules?: unknown; only?: unknown; when?: unknown }): TriggerFinding | null {
  const found: Array<TriggerFinding | null> = [];
  asArray(job.rules).forEach((ruleValue, i) => {
    const rule = asRecord(ruleValue);
    const condition = asText(rule?.if) ?? '';
    if (!rule || rule.when === 'never') return;
    const line = doc.lineOf([...at, 'rules', i, 'if']);
    for (const source of condition.matchAll(/CI_PIPELINE_SOURCE\s*==\s*["']?(\w+)/g)) found.push(sourceTrigger(src, source[1]!, line));
    if (rule.when === 'manual') found.push(trigger('user', null, 'Run by hand (when: manual)', src.evidence('gitlab.trigger.manual', doc.lineOf([...at, 'rules', i, 'when']))));
  });
  const only = [...textList(job.only), ...textList(asRecord(job.only)?.refs)];
  const onlyLine = doc.lineOf([...at, 'only']);
  for (const ref of only) if (ONLY_SOURCES[ref]) found.push(sourceTrigger(src, ONLY_SOURCES[ref], onlyLine));
  if (job.when === 'manual') found.push(trigger('user', null, 'Run by hand (when: manual)', src.evidence('gitlab.trigger.manual', doc.lineOf([...at, 'when']))));
  return found.some(Boolean) ? primaryTrigger(found, TRIGGER_RULE_OFF) : null;
}

function sourceTrigger(src: ConfigSource, source: string, line: number): TriggerFinding | null {
  switch (source) {
    case 'schedule':
      return trigger('cron', null, SCHEDULE_DESCRIPTION, src.evidence('gitlab.trigger.schedule', line));
    case 'web':
      return trigger('user', null, 'Run by hand from the GitLab UI', src.evidence('gitlab.trigger.manual', line));
    case 'trigger':
    case 'pipeline':
    case 'parent_pipeline':
      return trigger('chained', source, `Started by another pipeline (${source})`, src.evidence('gitlab.trigger.chained', line));
    default:
      return trigger('event', source, `On ${source.replace(/_/g, ' ')}`, src.evidence('gitlab.trigger.event', line));
  }
}

function recordVariables(src: ConfigSource, doc: YamlDocument, facts: UnitFacts, path: PathSegment[], variables: unknown): void {
  for (const [name, value] of entriesOf(variables)) {
    // `NAME: {value: ..., description: ...}` is the long form of `NAME: value`.
    const text = asText(value) ?? asText(asRecord(value)?.value);
    recordEnvEntry(src, facts, { name, value: text, line: doc.lineOf([...path, name]) });
  }
}

function recordScript(src: ConfigSource, doc: YamlDocument, unit: UnitFinding, path: PathSegment[], script: unknown, defined: Set<string>): void {
  // Anchored snippets (`- *setup`) nest one list inside another.
  const items = Array.isArray(script) ? script.flat() : [script];
  items.forEach((item, i) => {
    const text = asText(item);
    if (!text) return;
    const itemLine = doc.lineOf(Array.isArray(script) ? [...path, i] : path);
    for (const command of commandLines(text)) {
      addUnique(unit.runs, command);
      addUnique(unit.codePaths, ...codePathsInCommand(command, src.dir));
      const line = src.lineContaining(command.slice(0, 40), itemLine) || itemLine;
      for (const [, name] of command.matchAll(VARIABLE_REF)) {
        if (defined.has(name!) || PREDEFINED.test(name!) || !isCredentialName(name!)) continue;
        addCredential(unit, 'ci-secret', name!, providerOfName(name!), src.evidence('gitlab.credential.ci-variable', line));
      }
    }
  });
}
