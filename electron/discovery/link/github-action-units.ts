import { posix } from 'node:path';
import type { DiscoveredAgent, TriggerFinding } from '../../../shared/discovery';
import type { CodeFindings, ConfigFindings, UnitFinding } from '../findings';
import type { CodeIndex } from './resolve-code';

/** Where the sources of a built JavaScript action usually are, relative to the action's folder. */
const SOURCE_ENTRIES = ['src/index', 'src/main', 'index', 'main', 'src/action', 'action'];
const SOURCE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];
/** Where built action code is written: `dist/index.js`, `index.cjs`. */
const BUNDLE = /(^|\/)(dist|build|out)\/|\.cjs$/;

/**
 * The code a 'github-action' unit runs. A JavaScript action's `main` is usually a bundle
 * (`dist/index.js`, `index.cjs`) that is built, not committed, or too minified to read: the
 * action's sources stand for it (the same name beside it or under src/, else src/index.ts,
 * index.ts...).
 */
export function githubActionEntries(unit: UnitFinding, index: CodeIndex, generic: (unit: UnitFinding) => string[]): string[] {
  const found = new Set(generic(unit));
  const actionDir = posix.dirname(unit.path);
  for (const written of unit.codePaths) {
    // A committed bundle inlines its imports, SDK calls included, past what the analyzers read: its sources count too.
    if (index.get(written) && !BUNDLE.test(written)) continue;
    const stem = posix.basename(written).replace(/\.[^.]+$/, '');
    const sources = [`src/${stem}`, stem, ...SOURCE_ENTRIES].flatMap((entry) => SOURCE_EXTENSIONS.map((ext) => posix.join(actionDir, `${entry}${ext}`)));
    const source = sources.find((path) => path !== written && index.get(path));
    if (source) found.add(source);
  }
  return [...found];
}

/**
 * An action names the files that define its agent among its entry points. An action of the
 * repository runs where its workflows use it (`uses: ./`): it takes their trigger, the secrets
 * they pass it, their token's write scopes and the outside text their events hand it. With no
 * such workflow in the scan it keeps its own trigger: chained on whoever uses it.
 */
export function applyActionCallers(configs: ConfigFindings[], agents: DiscoveredAgent[], codeOf: (path: string) => CodeFindings | undefined): void {
  const jobs = configs.flatMap((config) => config.units).filter((unit) => unit.kind === 'ci-job' && unit.localActions?.length);
  for (const agent of agents) {
    if (agent.unit.kind !== 'github-action') continue;
    // The action's scripts start the agent; the file that builds it (query() and its options) may be
    // files away (action.yml -> src/index.ts -> run-claude.ts -> run-claude-sdk.ts): it defines the agent too.
    for (const path of agent.codeFiles) {
      const code = codeOf(path);
      if (code?.agentic && (code.llm.length > 0 || code.frameworks.length > 0) && !agent.entryPoints.includes(path)) agent.entryPoints.push(path);
    }
    const folder = folderKey(posix.dirname(agent.unit.path));
    const callers = jobs.filter((job) => job.localActions!.some((used) => folderKey(used) === folder));
    if (callers.length === 0) continue;
    agent.trigger = callerTrigger(callers);
    for (const job of callers) {
      // The job's token scopes and runner are what the action's code acts with.
      for (const capability of job.capabilities) if (!agent.capabilities.some((c) => c.kind === capability.kind && c.detail === capability.detail)) agent.capabilities.push(capability);
      for (const credential of job.credentials) if (!agent.credentials.some((c) => c.kind === credential.kind && c.name === credential.name)) agent.credentials.push(credential);
      for (const input of job.untrustedInputs) if (!(agent.untrustedInputs ??= []).some((i) => i.kind === input.kind && i.detail === input.detail)) agent.untrustedInputs.push(input);
    }
  }
}

function callerTrigger(callers: UnitFinding[]): TriggerFinding {
  const order = ['cron', 'chained', 'event', 'webhook', 'user', 'unknown'];
  const [first] = [...callers].sort((a, b) => order.indexOf(a.trigger.kind) - order.indexOf(b.trigger.kind));
  const names = callers.map((job) => job.name).join(', ');
  return { ...first!.trigger, description: `${first!.trigger.description} (workflow ${names} uses this action)` };
}

/** './' → '.', '.github/actions/review/' → '.github/actions/review'. */
function folderKey(path: string): string {
  return posix.normalize(path).replace(/\/+$/, '') || '.';
}
