import { posix } from 'node:path';
import type { TriggerFinding, UntrustedInputFinding } from '../../../shared/discovery';
import type { ConfigFindings, UnitFinding } from '../findings';
import { recordClaudeCliIn } from './claude-cli';
import { codePathsInCommand, commandLines } from './commands';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { literalSecretIn, providerOfName, recordLiteralSecret } from './secrets';
import { ConfigSource } from './source';
import { addCapability, addCredential, addLlm, addUnique, cronTrigger, mergeFacts, newFindings, newUnit, noTrigger, primaryTrigger, trigger, type UnitFacts } from './units';
import { asArray, asRecord, asText, entriesOf, textList, type Json } from './values';
import { parseYamlDocuments, type PathSegment, type YamlDocument } from './yaml-documents';
import { lookupTable } from '../lookup-table';

/** Actions that put an LLM to work in a job, and whose provider they call. */
const LLM_ACTIONS: Array<{ action: string; provider: string }> = [
  { action: 'anthropics/claude-code-action', provider: 'anthropic' },
  { action: 'anthropics/claude-code-base-action', provider: 'anthropic' },
  { action: 'openai/codex-action', provider: 'openai' },
  { action: 'google-github-actions/run-gemini-cli', provider: 'google' },
  { action: 'actions/ai-inference', provider: 'github-models' },
];

/**
 * Events whose payload anyone who can open an issue or a pull request writes: a job started by one
 * hands the agent text from outside the company (the "Comment and Control" attack).
 */
const OUTSIDER_EVENTS = lookupTable<string>({
  issue_comment: 'issue and pull request comments',
  issues: 'issue titles and bodies',
  pull_request_review_comment: 'pull request review comments',
  pull_request_review: 'pull request reviews',
  pull_request_target: 'pull requests from forks',
  discussion: 'discussion posts',
  discussion_comment: 'discussion comments',
});

/** `${{ github.event.comment.body }}` and the like: outsider-written text pasted into a step. */
const OUTSIDER_TEXT = /\$\{\{\s*github\.event\.(comment|issue|pull_request|review|review_comment|discussion)\.(body|title)\s*\}\}/g;

/** `${{ secrets.NAME }}` and `${{ secrets['NAME'] }}`. */
const SECRET_REF = /\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)|\bsecrets\[\s*['"]([^'"]+)['"]\s*\]/g;

/** GitHub Actions workflow (.github/workflows/*.yml): one unit per job. */
export function analyzeGithubActions(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const [doc] = parseYamlDocuments(src);
  const workflow = asRecord(doc?.value);
  if (!doc || !workflow || !('on' in workflow) || !asRecord(workflow.jobs)) return null;

  const findings = newFindings(path, 'github-actions');
  const workflowName = asText(workflow.name) ?? posix.basename(path).replace(/\.ya?ml$/, '');
  const repoRoot = path.includes('.github/') ? path.slice(0, path.indexOf('.github/')).replace(/\/$/, '') : src.dir;
  const triggers = workflowTriggers(src, doc, workflow.on);
  const outsiderTriggers = outsiderInputs(src, doc, workflow.on);

  const fileFacts: UnitFacts = { credentials: findings.credentials, capabilities: [], endpoints: [], llm: [] };
  recordEnv(src, doc, fileFacts, ['env'], workflow.env);
  recordSecretRefs(src, fileFacts, doc.linesOf(['env']));

  for (const [jobId, jobValue] of entriesOf(workflow.jobs)) {
    const job = asRecord(jobValue);
    const evidence = src.evidence('gha.unit.job', doc.lineOf(['jobs', jobId]));
    if (!job || !evidence) continue;
    const unit = newUnit('ci-job', `${workflowName}/${jobId}`, path, evidence, triggers);
    analyzeJob(src, doc, unit, jobId, job, workflow, repoRoot);
    unit.untrustedInputs.push(...outsiderTriggers, ...outsiderTextIn(src, doc.linesOf(['jobs', jobId])));
    mergeFacts(unit, fileFacts);
    findings.units.push(unit);
  }
  return src.redactFindings(findings);
}

function workflowTriggers(src: ConfigSource, doc: YamlDocument, on: unknown): TriggerFinding {
  const events: Array<[string, unknown]> = typeof on === 'string' ? [[on, null]] : Array.isArray(on) ? textList(on).map((e) => [e, null]) : entriesOf(on);
  const found: Array<TriggerFinding | null> = [];
  for (const [index, [event, config]] of events.entries()) {
    // `on: push`, `on: [push, issues]` and `on: {push: ...}` put the event at different places.
    const eventPath: PathSegment[] = typeof on === 'string' ? ['on'] : Array.isArray(on) ? ['on', index] : ['on', event];
    const at = (...rest: PathSegment[]) => doc.lineOf([...eventPath, ...rest]);
    if (event === 'schedule') {
      asArray(config).forEach((entry, i) => {
        const cron = asText(asRecord(entry)?.cron);
        if (cron) found.push(cronTrigger(cron, src.evidence('gha.trigger.schedule', at(i, 'cron')), 'UTC'));
      });
    } else if (event === 'workflow_dispatch') {
      found.push(trigger('user', null, 'Run by hand (workflow_dispatch)', src.evidence('gha.trigger.manual', at())));
    } else if (event === 'workflow_run' || event === 'workflow_call') {
      const upstream = textList(asRecord(config)?.workflows);
      const description = event === 'workflow_call' ? 'Called by another workflow (workflow_call)' : `After workflow ${upstream.map((w) => `"${w}"`).join(' or ') || '(any)'} runs`;
      found.push(trigger('chained', upstream.join(', ') || event, description, src.evidence('gha.trigger.chained', at())));
    } else {
      found.push(trigger('event', eventSchedule(event, config), eventDescription(event, config), src.evidence('gha.trigger.event', at())));
    }
  }
  return primaryTrigger(found, noTrigger('No trigger in the workflow'));
}

/** The workflow's events that carry outsider-written text, each as a `code-comment` input of every job. */
function outsiderInputs(src: ConfigSource, doc: YamlDocument, on: unknown): UntrustedInputFinding[] {
  const events: string[] = typeof on === 'string' ? [on] : Array.isArray(on) ? textList(on) : entriesOf(on).map(([event]) => event);
  return events.flatMap((event, index) => {
    const what = OUTSIDER_EVENTS[event];
    const eventPath: PathSegment[] = typeof on === 'string' ? ['on'] : Array.isArray(on) ? ['on', index] : ['on', event];
    const evidence = what ? src.evidence('gha.untrusted-input.outsider-event', doc.lineOf(eventPath)) : null;
    return evidence ? [{ kind: 'code-comment' as const, detail: `on: ${event} (${what})`, tool: null, evidence }] : [];
  });
}

/** Steps of a job that paste an issue's, comment's or pull request's text into a command or a prompt. */
function outsiderTextIn(src: ConfigSource, lines: [number, number] | null): UntrustedInputFinding[] {
  if (!lines) return [];
  const found: UntrustedInputFinding[] = [];
  for (let line = lines[0]; line <= lines[1]; line++) {
    for (const match of src.lineText(line).matchAll(OUTSIDER_TEXT)) {
      const evidence = src.evidence('gha.untrusted-input.event-text', line);
      const detail = `github.event.${match[1]}.${match[2]}`;
      if (evidence && !found.some((f) => f.detail === detail && f.evidence.line === line)) found.push({ kind: 'code-comment', detail, tool: null, evidence });
    }
  }
  return found;
}

function eventSchedule(event: string, config: unknown): string {
  const types = textList(asRecord(config)?.types);
  return types.length ? `${event}: ${types.join(', ')}` : event;
}

/** "On issues opened", "On push to main", "On a repository_dispatch API call". */
function eventDescription(event: string, config: unknown): string {
  const settings = asRecord(config);
  const types = textList(settings?.types);
  const branches = textList(settings?.branches);
  const what = event === 'repository_dispatch' ? 'a repository_dispatch API call' : event.replace(/_/g, ' ');
  return `On ${what}${types.length ? ` ${types.join(' or ')}` : ''}${branches.length ? ` to ${branches.join(', ')}` : ''}`;
}

function analyzeJob(src: ConfigSource, doc: YamlDocument, unit: UnitFinding, jobId: string, job: Json, workflow: Json, repoRoot: string): void {
  const jobPath = ['jobs', jobId];
  recordEnv(src, doc, unit, [...jobPath, 'env'], job.env);
  recordSecretRefs(src, unit, doc.linesOf(jobPath));
  recordPermissions(src, doc, unit, job.permissions !== undefined ? [...jobPath, 'permissions'] : ['permissions'], job.permissions ?? workflow.permissions);
  recordRunner(src, doc, unit, jobPath, job['runs-on']);

  const reusable = asText(job.uses);
  if (reusable) unit.runs.push(reusable);
  if (job.secrets === 'inherit') addCredential(unit, 'ci-secret', 'all repository secrets (secrets: inherit)', null, src.evidence('gha.credential.secret', doc.lineOf([...jobPath, 'secrets'])));

  const defaultDir = asText(asRecord(asRecord(job.defaults)?.run)?.['working-directory']) ?? asText(asRecord(asRecord(workflow.defaults)?.run)?.['working-directory']);
  asArray(job.steps).forEach((stepValue, index) => {
    const step = asRecord(stepValue);
    if (!step) return;
    const stepPath = [...jobPath, 'steps', index];
    recordEnv(src, doc, unit, [...stepPath, 'env'], step.env);
    const run = asText(step.run);
    if (run) {
      const workingDir = asText(step['working-directory']) ?? defaultDir;
      const dir = posix.join(repoRoot || '.', workingDir ?? '.');
      // The step runs in its working directory: `pnpm agent` there is that package's script.
      const from = workingDir && /^[\w./-]+$/.test(workingDir) && posix.normalize(workingDir) !== '.' ? `cd ${posix.normalize(workingDir)} && ` : '';
      for (const line of commandLines(run)) {
        addUnique(unit.runs, `${from}${line}`);
        addUnique(unit.codePaths, ...codePathsInCommand(line, dir === '.' ? '' : dir));
      }
      recordClaudeCliIn(src, unit, run, doc.linesOf([...stepPath, 'run']));
    }
    const uses = asText(step.uses);
    if (uses) recordAction(src, doc, unit, stepPath, uses, asRecord(step.with));
    // `uses: ./` or `./.github/actions/x`: an action of this repository, found by its folder.
    if (uses?.startsWith('./')) addUnique((unit.localActions ??= []), posix.normalize(posix.join(repoRoot || '.', uses.split('@')[0]!)));
  });
}

function recordEnv(src: ConfigSource, doc: YamlDocument, facts: UnitFacts, path: PathSegment[], env: unknown): void {
  for (const [name, value] of entriesOf(env)) recordEnvEntry(src, facts, { name, value: asText(value), line: doc.lineOf([...path, name]) });
}

function recordSecretRefs(src: ConfigSource, facts: UnitFacts, lines: [number, number] | null): void {
  if (!lines) return;
  for (let line = lines[0]; line <= lines[1]; line++) {
    for (const match of src.lineText(line).matchAll(SECRET_REF)) {
      const name = match[1] ?? match[2]!;
      addCredential(facts, 'ci-secret', name, providerOfName(name), src.evidence('gha.credential.secret', line));
    }
  }
}

const SCOPE_WORDS = lookupTable<string>({
  contents: 'push code and edit releases',
  'pull-requests': 'open, edit and merge pull requests',
  issues: 'open, edit and close issues',
  actions: 'change workflow runs',
  packages: 'publish packages',
  deployments: 'create deployments',
});

/** Write scopes of the job's GITHUB_TOKEN: what the job can change in the repository. */
function recordPermissions(src: ConfigSource, doc: YamlDocument, facts: UnitFacts, path: PathSegment[], permissions: unknown): void {
  if (permissions === 'write-all') {
    addCapability(facts, 'data-write', 'GITHUB_TOKEN has write-all permissions', src.evidence('gha.capability.token-write', doc.lineOf(path)));
    return;
  }
  for (const [scope, access] of entriesOf(permissions)) {
    // id-token: write mints cloud credentials; it is recorded through the role it assumes, not as a write.
    if (access !== 'write' || scope === 'id-token') continue;
    const detail = `GITHUB_TOKEN ${scope}: write${SCOPE_WORDS[scope] ? ` (can ${SCOPE_WORDS[scope]})` : ''}`;
    addCapability(facts, 'data-write', detail, src.evidence('gha.capability.token-write', doc.lineOf([...path, scope])));
  }
}

function recordRunner(src: ConfigSource, doc: YamlDocument, facts: UnitFacts, jobPath: PathSegment[], runsOn: unknown): void {
  const labels = [...textList(runsOn), ...textList(asRecord(runsOn)?.labels)];
  if (!labels.includes('self-hosted')) return;
  // A self-hosted runner executes every step, and any shell an agent is given, on a company machine.
  const detail = `steps run on a self-hosted runner (${labels.join(', ')})`;
  addCapability(facts, 'shell-exec', detail, src.evidence('gha.capability.self-hosted-runner', doc.lineOf([...jobPath, 'runs-on'])));
}

function recordAction(src: ConfigSource, doc: YamlDocument, unit: UnitFinding, stepPath: PathSegment[], uses: string, inputs: Json | null): void {
  const action = uses.split('@')[0]!.toLowerCase();
  const line = doc.lineOf([...stepPath, 'uses']);
  for (const [key, value] of entriesOf(inputs)) {
    const text = asText(value);
    const secret = text ? literalSecretIn(key, text) : null;
    if (secret) recordLiteralSecret(src, unit, secret, doc.lineOf([...stepPath, 'with', key]), key);
  }
  const llm = LLM_ACTIONS.find((known) => action === known.action || action.startsWith(`${known.action}/`));
  if (llm) {
    addLlm(unit, llm.provider, uses, modelsOf(inputs), src.evidence('gha.llm.action', line));
    const shellTools = shellToolsOf(inputs);
    if (shellTools) addCapability(unit, 'shell-exec', `${action} may run shell commands (${shellTools})`, src.evidence('gha.capability.llm-shell', line));
  }
  if (action === 'aws-actions/configure-aws-credentials') {
    const role = asText(inputs?.['role-to-assume']);
    if (role) addCredential(unit, 'iam-role', role, 'aws', src.evidence('gha.credential.cloud-identity', doc.lineOf([...stepPath, 'with', 'role-to-assume'])));
  }
  if (action === 'google-github-actions/auth') {
    const account = asText(inputs?.service_account);
    if (account) addCredential(unit, 'service-account', account, 'google', src.evidence('gha.credential.cloud-identity', doc.lineOf([...stepPath, 'with', 'service_account'])));
  }
}

function modelsOf(inputs: Json | null): string[] {
  const models: string[] = [];
  for (const [key, value] of entriesOf(inputs)) {
    const text = asText(value);
    if (!text) continue;
    if (/model$/i.test(key) && !text.includes('${{')) models.push(text);
    const flag = text.match(/--model[= ]([\w.:/-]+)/)?.[1];
    if (flag) models.push(flag);
  }
  return models;
}

/** Claude Code's Bash tool (allowed_tools, claude_args --allowedTools) or Codex's unsandboxed modes. */
function shellToolsOf(inputs: Json | null): string | null {
  for (const [key, value] of entriesOf(inputs)) {
    const text = asText(value) ?? '';
    if (/allowed_?tools|claude_args/i.test(key) && /\bBash\b/.test(text)) return `${key}: ${text.match(/Bash(\([^)]*\))?/)![0]}`;
    if (/sandbox|safety/i.test(key) && /danger-full-access|unsafe/.test(text)) return `${key}: ${text}`;
  }
  return null;
}
