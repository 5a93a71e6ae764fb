import { posix } from 'node:path';
import type { TriggerFinding } from '../../../shared/discovery';
import type { ConfigFindings, UnitFinding } from '../findings';
import { codePathsInCommand, commandLines } from './commands';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { providerOfName } from './secrets';
import { ConfigSource } from './source';
import { blankComments, bracketGroup } from './text-scan';
import { addCredential, addUnique, cronTrigger, newFindings, newUnit, noTrigger, primaryTrigger, trigger } from './units';

/** A string literal in Groovy: '''…''', """…""", '…' or "…". */
const STRING = String.raw`(?:'''([\s\S]*?)'''|"""([\s\S]*?)"""|'([^'\n]*)'|"([^"\n]*)")`;
const CRON = new RegExp(String.raw`\bcron\s*\(?\s*(?:spec\s*:\s*)?${STRING}`, 'g');
const POLL_SCM = new RegExp(String.raw`\bpollSCM\s*\(?\s*(?:scmpoll_spec\s*:\s*)?${STRING}`, 'g');
const UPSTREAM = new RegExp(String.raw`\bupstream\s*\(\s*(?:upstreamProjects\s*:\s*)?${STRING}`, 'g');
const WEBHOOK = /\b(githubPush|GenericTrigger|gitlab|bitbucketPush)\s*\(/g;
const SHELL_STEP = new RegExp(String.raw`\b(sh|bat|powershell|pwsh)\s*\(?\s*(?:script\s*:\s*)?${STRING}`, 'g');
const CREDENTIAL_ID = /\bcredentials\s*\(\s*['"]([^'"]+)['"]\s*\)|\bcredentialsId\s*:\s*['"]([^'"]+)['"]/g;
const CREDENTIAL_VARIABLE = /\b(?:variable|usernameVariable|passwordVariable|keyFileVariable)\s*:\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]/g;
const ENV_ASSIGNMENT = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+?)\s*$/;

const literal = (match: RegExpMatchArray, from: number) => match[from] ?? match[from + 1] ?? match[from + 2] ?? match[from + 3] ?? '';

export function isJenkinsfileText(text: string): boolean {
  return /\bpipeline\s*\{/.test(text) || (/\bnode\s*(\(|\{)/.test(text) && /\bstage\s*\(/.test(text));
}

/** Jenkinsfile (declarative or scripted), read as text: the pipeline is one unit. */
export function analyzeJenkinsfile(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  if (!isJenkinsfileText(text)) return null;
  const src = new ConfigSource(path, text, ctx);
  const code = blankComments(text, 'groovy');
  const lineAt = (offset: number) => src.lineOf(offset);

  const pipelineLine = src.lineOf(Math.max(0, code.search(/\bpipeline\s*\{|\bnode\s*(\(|\{)/)));
  const evidence = src.evidence('jenkins.unit.pipeline', pipelineLine);
  const findings = newFindings(path, 'jenkinsfile');
  if (!evidence) return findings;
  const name = posix.basename(src.dir) || posix.basename(path);
  const unit = newUnit('ci-job', name, path, evidence, pipelineTrigger(src, code));

  for (const match of code.matchAll(SHELL_STEP)) {
    for (const command of commandLines(literal(match, 2))) {
      addUnique(unit.runs, command);
      addUnique(unit.codePaths, ...codePathsInCommand(command, src.dir));
    }
  }
  for (const match of code.matchAll(CREDENTIAL_ID)) {
    const id = match[1] ?? match[2]!;
    addCredential(unit, 'ci-secret', id, providerOfName(id), src.evidence('jenkins.credential.credentials-id', lineAt(match.index)));
  }
  // withCredentials binds a credential to a variable: the name tells which service it is for.
  for (const match of code.matchAll(CREDENTIAL_VARIABLE)) recordEnvEntry(src, unit, { name: match[1]!, value: null, line: lineAt(match.index) });
  recordEnvironmentBlocks(src, code, unit);
  findings.units.push(unit);
  return src.redactFindings(findings);
}

function pipelineTrigger(src: ConfigSource, code: string): TriggerFinding {
  const found: Array<TriggerFinding | null> = [];
  for (const match of code.matchAll(CRON)) {
    // A spec may hold several lines and a TZ= line; each schedule line is a trigger.
    const spec = literal(match, 1);
    const zone = spec.match(/^\s*TZ=(\S+)/m)?.[1] ?? null;
    for (const line of spec.split(/\\n|\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('TZ=') && !l.startsWith('#'))) {
      found.push(cronTrigger(line, src.evidence('jenkins.trigger.cron', src.lineOf(match.index)), zone));
    }
  }
  for (const match of code.matchAll(POLL_SCM)) {
    found.push(trigger('event', 'pollSCM', `When the repository changes (polled: ${literal(match, 1)})`, src.evidence('jenkins.trigger.event', src.lineOf(match.index))));
  }
  for (const match of code.matchAll(WEBHOOK)) {
    found.push(trigger('webhook', match[1]!, `On a ${match[1]} webhook`, src.evidence('jenkins.trigger.event', src.lineOf(match.index))));
  }
  for (const match of code.matchAll(UPSTREAM)) {
    const upstream = literal(match, 1);
    const jobs = upstream.split(',').map((job) => job.trim()).filter(Boolean);
    found.push(trigger('chained', upstream, `After Jenkins job ${jobs.join(' or ')} builds`, src.evidence('jenkins.trigger.chained', src.lineOf(match.index))));
  }
  return primaryTrigger(found, noTrigger('No trigger in the Jenkinsfile (started by hand or from the Jenkins job settings)'));
}

/** `environment { NAME = 'value' }` blocks; `credentials('id')` values are references, not secrets. */
function recordEnvironmentBlocks(src: ConfigSource, code: string, unit: UnitFinding): void {
  for (const match of code.matchAll(/\benvironment\s*\{/g)) {
    const block = bracketGroup(code, match.index + match[0].length - 1);
    if (!block) continue;
    const first = src.lineOf(block.start);
    block.inner.split('\n').forEach((text, i) => {
      const assignment = text.match(ENV_ASSIGNMENT);
      if (!assignment) return;
      const raw = assignment[2]!;
      const quoted = raw.match(/^(['"])(.*)\1$/)?.[2];
      recordEnvEntry(src, unit, { name: assignment[1]!, value: quoted ?? null, line: first + i });
    });
  }
}
