import { posix } from 'node:path';
import type { ConfigFindings } from '../findings';
import { recordClaudeCliIn } from './claude-cli';
import { codePathsInCommand, commandLines } from './commands';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { isCredentialName, providerOfName } from './secrets';
import { ConfigSource } from './source';
import { addCredential, addUnique, newFindings, newUnit, trigger, TRIGGER_RULE_OFF } from './units';
import { asArray, asRecord, asText, entriesOf } from './values';
import { parseYamlDocuments } from './yaml-documents';

/** `${GITHUB_ACTION_PATH}`, `$GITHUB_ACTION_PATH` and `${{ github.action_path }}`: the folder of the action itself. */
const ACTION_PATH = /\$\{\{\s*github\.action_path\s*\}\}|\$\{GITHUB_ACTION_PATH\}|\$GITHUB_ACTION_PATH\b/g;
const NODE_RUNTIME = /^node\d+$/;
/** Inputs that carry a credential even when their name does not say KEY or TOKEN. */
const CREDENTIAL_INPUT = /(api_?key|token|secret|password|credentials?)$/i;

/**
 * A GitHub Action (`action.yml` / `action.yaml`, at the root of a repository or in any folder):
 * one 'github-action' unit that runs wherever a workflow uses it. A composite action runs its
 * steps' commands (`bun run ${GITHUB_ACTION_PATH}/src/index.ts`); a JavaScript action runs its
 * `main`, `pre` and `post` scripts. Inputs that carry keys are credentials the caller passes.
 * The linker follows the code and decides: an action with no LLM code is not a candidate.
 */
export function analyzeGithubAction(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const [doc] = parseYamlDocuments(src);
  const action = asRecord(doc?.value);
  const runs = asRecord(action?.runs);
  const using = asText(runs?.using);
  if (!doc || !action || !runs || !using) return null;

  const findings = newFindings(path, 'github-action');
  const evidence = src.evidence('action.unit.action', doc.lineOf(['runs', 'using']));
  if (!evidence) return findings;
  const name = asText(action.name) ?? (src.dir ? posix.basename(src.dir) : 'action');
  const uses = trigger('chained', 'uses', 'Runs in the workflows that use this action', src.evidence('action.trigger.used-by-workflow', doc.lineOf(['runs']))) ?? TRIGGER_RULE_OFF;
  const unit = newUnit('github-action', name, path, evidence, uses);
  const actionDir = src.dir || '.';
  // The action path as seen from where a command runs: the action's folder unless a step says otherwise.
  const here = (command: string, baseDir: string) => command.replace(ACTION_PATH, posix.relative(baseDir, actionDir) || '.');

  if (using === 'composite') {
    asArray(runs.steps).forEach((stepValue, index) => {
      const step = asRecord(stepValue);
      if (!step) return;
      for (const [envName, value] of entriesOf(step.env)) recordEnvEntry(src, unit, { name: envName, value: asText(value), line: doc.lineOf(['runs', 'steps', index, 'env', envName]) });
      const run = asText(step.run);
      if (!run) return;
      // Steps run in the caller's workspace; commands that name this action's files say so with the action path.
      const workingDir = asText(step['working-directory']);
      const baseDir = workingDir ? posix.normalize(posix.join(actionDir, here(workingDir, actionDir))) : actionDir;
      for (const line of commandLines(run)) {
        const command = here(line, baseDir);
        addUnique(unit.runs, command);
        addUnique(unit.codePaths, ...codePathsInCommand(command, baseDir === '.' ? '' : baseDir));
      }
      recordClaudeCliIn(src, unit, run, doc.linesOf(['runs', 'steps', index, 'run']));
    });
  } else if (NODE_RUNTIME.test(using)) {
    for (const key of ['pre', 'main', 'post']) {
      const script = asText(runs[key]);
      if (script) addUnique(unit.codePaths, posix.normalize(posix.join(actionDir, script)));
    }
  } else {
    // Docker actions run an image we cannot see into.
    return findings;
  }
  for (const [input] of entriesOf(action.inputs)) {
    if (!isCredentialName(input) && !CREDENTIAL_INPUT.test(input)) continue;
    addCredential(unit, 'ci-secret', `inputs.${input}`, providerOfName(input), src.evidence('action.credential.input', doc.lineOf(['inputs', input])));
  }
  findings.units.push(unit);
  return src.redactFindings(findings);
}
