import type { TriggerFinding } from '../../../shared/discovery';
import type { ConfigFindings, UnitFinding } from '../findings';
import { codePathsInCommand, commandLines } from './commands';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { isCredentialName, providerOfName } from './secrets';
import { ConfigSource } from './source';
import { addCredential, addUnique, cronTrigger, newFindings, newUnit, noTrigger, primaryTrigger, trigger } from './units';
import { asArray, asRecord, asText, entriesOf, textList } from './values';
import { parseYamlDocuments, type PathSegment, type YamlDocument } from './yaml-documents';

const VARIABLE_REF = /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g;

/** .circleci/config.yml: one unit per job, triggered by the workflows that list it. */
export function analyzeCircleci(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const [doc] = parseYamlDocuments(src);
  const config = asRecord(doc?.value);
  if (!doc || !config || !asRecord(config.jobs) || !('version' in config)) return null;

  const findings = newFindings(path, 'circleci');
  const repoRoot = path.includes('.circleci/') ? path.slice(0, path.indexOf('.circleci/')).replace(/\/$/, '') : src.dir;
  const usage = workflowUsage(src, doc, config.workflows);
  for (const [jobName, jobValue] of entriesOf(config.jobs)) {
    const job = asRecord(jobValue);
    const evidence = src.evidence('circleci.unit.job', doc.lineOf(['jobs', jobName]));
    if (!job || !evidence) continue;
    const uses = usage.get(jobName);
    const unit = newUnit('ci-job', jobName, path, evidence, primaryTrigger(uses?.triggers ?? [], noTrigger('Not listed in any workflow')));
    for (const context of uses?.contexts ?? []) addCredential(unit, 'ci-secret', `context ${context.name}`, null, src.evidence('circleci.credential.context', context.line));
    for (const [name, value] of entriesOf(job.environment)) recordEnvEntry(src, unit, { name, value: asText(value), line: doc.lineOf(['jobs', jobName, 'environment', name]) });
    asArray(job.steps).forEach((step, i) => recordRunStep(src, doc, unit, ['jobs', jobName, 'steps', i], step, repoRoot));
    findings.units.push(unit);
  }
  return src.redactFindings(findings);
}

interface JobUsage {
  triggers: Array<TriggerFinding | null>;
  contexts: Array<{ name: string; line: number }>;
}

/** For each job: how the workflows that list it are triggered, and the contexts (secret groups) they give it. */
function workflowUsage(src: ConfigSource, doc: YamlDocument, workflows: unknown): Map<string, JobUsage> {
  const usage = new Map<string, JobUsage>();
  for (const [workflowName, workflowValue] of entriesOf(workflows)) {
    const workflow = asRecord(workflowValue);
    if (!workflow) continue;
    const at = (...rest: PathSegment[]) => doc.lineOf(['workflows', workflowName, ...rest]);
    const triggers: Array<TriggerFinding | null> = [];
    asArray(workflow.triggers).forEach((entry, i) => {
      const cron = asText(asRecord(asRecord(entry)?.schedule)?.cron);
      if (cron) triggers.push(cronTrigger(cron, src.evidence('circleci.trigger.schedule', at('triggers', i, 'schedule', 'cron')), 'UTC'));
    });
    // Scheduled pipelines are set up in the project settings; the config only tests for them.
    if (JSON.stringify(workflow.when ?? '').includes('scheduled_pipeline')) {
      triggers.push(trigger('cron', null, 'On a scheduled pipeline (the schedule is set in CircleCI project settings, not in this file)', src.evidence('circleci.trigger.schedule', at('when'))));
    }
    if (triggers.length === 0) triggers.push(trigger('event', 'push', `On push (workflow ${workflowName})`, src.evidence('circleci.trigger.event', at())));

    asArray(workflow.jobs).forEach((entry, i) => {
      const [name, settings] = typeof entry === 'string' ? [entry, null] : (entriesOf(entry)[0] ?? [null, null]);
      if (!name) return;
      const use = usage.get(name) ?? { triggers: [], contexts: [] };
      use.triggers.push(...triggers);
      for (const context of textList(asRecord(settings)?.context)) use.contexts.push({ name: context, line: at('jobs', i, name, 'context') });
      usage.set(name, use);
    });
  }
  return usage;
}

function recordRunStep(src: ConfigSource, doc: YamlDocument, unit: UnitFinding, path: PathSegment[], step: unknown, repoRoot: string): void {
  const run = asRecord(step)?.run;
  const command = asText(run) ?? asText(asRecord(run)?.command);
  if (!command) return;
  const dir = asText(asRecord(run)?.working_directory)?.replace(/^~\/project\/?/, '') ?? '';
  const line = doc.lineOf([...path, 'run']);
  for (const [name, value] of entriesOf(asRecord(run)?.environment)) recordEnvEntry(src, unit, { name, value: asText(value), line: doc.lineOf([...path, 'run', 'environment', name]) });
  for (const commandLine of commandLines(command)) {
    addUnique(unit.runs, commandLine);
    addUnique(unit.codePaths, ...codePathsInCommand(commandLine, [repoRoot, dir].filter(Boolean).join('/')));
    for (const [, name] of commandLine.matchAll(VARIABLE_REF)) {
      if (!name!.startsWith('CIRCLE_') && isCredentialName(name!)) {
        addCredential(unit, 'ci-secret', name!, providerOfName(name!), src.evidence('circleci.credential.env-ref', src.lineContaining(name!, line) || line));
      }
    }
  }
}
