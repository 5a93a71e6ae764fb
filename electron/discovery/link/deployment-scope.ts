import { posix } from 'node:path';
import type { UnitFinding } from '../findings';

/**
 * What is deployed and what only looks like it. A workflow in docs/, a manifest in examples/, a
 * fixture copy of a workflow under tests/ or a dev-only compose service is shown to a reviewer
 * as an example, never as an agent; test code is never the entry point of a deployed agent.
 * Pure path and command facts: nothing is read here.
 */

/**
 * Folders whose code is tests (and their fixtures), by any of their path segments. Evaluation
 * suites and benchmarks count: an `evals/runner.py` that runs the agent over a golden set with
 * an LLM judge, from a pre-push hook, exercises the agent the way a test does and deploys nothing.
 */
const TEST_FOLDER = /(^|\/)(tests?|__tests__|__mocks__|e2e|spec|specs|fixtures?|__fixtures__|testdata|test[-_]data|test[-_]fixtures|evals?|benchmarks?)(\/|$)/i;
/**
 * Test files by name: test_x.py, x_test.py, conftest.py, x.test.ts, x.spec.js, x.int.test.ts, x_spec.rb-style,
 * and a module named just test or tests (Django's tests.py, a scratch `test.py` or `test.ts` that tries an agent).
 */
const TEST_FILE_NAME = /^(tests?\.py|test\.[cm]?[jt]sx?|test_[^/]*\.py|[^/]*_test\.py|conftest\.py|[^/]*\.(test|spec)\.[cm]?[jt]sx?|[^/]*[._-]spec\.[cm]?[jt]sx?)$/i;

/** True for test code and fixtures: never the entry point of a deployed agent. */
export function isTestPath(path: string): boolean {
  // The file name alone is matched: the linker asks this of every path many times, and an unanchored pattern was tried at every character of it.
  return TEST_FOLDER.test(path) || TEST_FILE_NAME.test(path.slice(path.lastIndexOf('/') + 1));
}

/** Folders that show how something is used rather than run it. */
const EXAMPLE_FOLDER = /(^|\/)(docs?|examples?|samples?|demos?|cookbooks?|tutorials?|playgrounds?|quickstarts?|starters?|snippets)(\/|$)/i;
/** True for a path inside a folder that shows how something is used: docs/, examples/, demos/, samples/ ... */
export function isExamplePath(path: string): boolean {
  return EXAMPLE_FOLDER.test(path);
}

/** The folder holding the outermost such folder of `path` (`services/kit/examples/a.py` → services/kit, '' at the top), or null when there is none. */
export function exampleFolderOwner(path: string): string | null {
  const match = EXAMPLE_FOLDER.exec(path);
  return match ? path.slice(0, match.index) : null;
}

/** Documentation: its snippets explain, they are not a collection of programs to run. */
export function isDocsPath(path: string): boolean {
  return /(^|\/)docs?(\/|$)/i.test(path);
}

/**
 * Templates scaffold other repositories: a workflow in `templates/` or a GitHub starter
 * workflow in `workflow-templates/` runs nowhere. Not for Kubernetes, where a Helm chart's
 * `templates/` folder is what gets deployed.
 */
const TEMPLATE_FOLDER = /(^|\/)(templates?|workflow-templates|scaffolds?|boilerplates?|blueprints?)(\/|$)/i;

/**
 * GitHub runs only `<repository root>/.github/workflows/*.yml|yaml`. A scanned folder may hold
 * several repositories, so `svc/.github/workflows/x.yml` is deployed (svc/ is a nested
 * repository) while a file in a subfolder of workflows/, a workflow-shaped YAML anywhere else,
 * or one whose repository root sits in docs/, examples/, templates/ or tests/ is not.
 */
export function isDeployedWorkflowPath(path: string): boolean {
  const match = path.match(/^(.*?)(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i);
  if (!match) return false;
  const repoRoot = match[1] ?? '';
  return !EXAMPLE_FOLDER.test(repoRoot) && !TEMPLATE_FOLDER.test(repoRoot) && !isTestPath(`${repoRoot}/`);
}

/** Test runners: a job that runs them exercises code, it does not deploy it. */
const TEST_RUNNER = /(^|[\s;&|(])(pytest|py\.test|tox|nox|vitest|jest|mocha|ava|playwright\s+test|go\s+test|cargo\s+test|(npm|pnpm|yarn|bun)\s+(run\s+)?test(:[\w-]+)?|python\d?(\.\d+)?\s+-m\s+(pytest|unittest))(\s|$)/i;

/**
 * A CI job or service that only runs tests: its commands are test runners or name only test
 * files. An LLM key in its environment serves the tests (evals), not a deployed agent.
 */
export function runsOnlyTests(unit: Pick<UnitFinding, 'runs' | 'llm'>, entries: string[]): boolean {
  // An agent the config itself runs (a coding-agent action) is no test, whatever else the job does.
  if (unit.llm.some((use) => !/^config\.llm\./.test(use.evidence.ruleId))) return false;
  if (entries.length > 0 && entries.every(isTestPath)) return true;
  return entries.length === 0 && unit.runs.length > 0 && unit.runs.some((run) => TEST_RUNNER.test(run));
}

/** A unit whose commands run tests at all (a CI job starting a server for its integration tests): it deploys nothing it starts. */
export function runsTests(unit: Pick<UnitFinding, 'runs'>, entries: string[]): boolean {
  return entries.some(isTestPath) || unit.runs.some((run) => TEST_RUNNER.test(run));
}

/** Compose files and Procfiles that a developer runs by hand: docker-compose.dev.yml, compose.override.yaml, Procfile.dev. */
const DEV_CONFIG_FILE = /(^|\/)((docker-)?compose[.-](dev|develop|development|local|debug|override)([.-][\w-]+)?\.ya?ml|procfile\.(dev|development|local))$/i;

/**
 * Commands that start a development server: hot reload, a local UI, `langgraph dev` (the
 * in-memory dev server; `langgraph up` builds the production image and is not one), `mastra dev`
 * (`mastra start` serves the built app).
 */
const DEV_SERVER_COMMAND =
  /(^|[\s;&|])(langgraph\s+dev|mastra\s+dev|(npm|pnpm|bun)\s+run\s+dev|(yarn|pnpm|bun)\s+dev|next\s+dev|nuxt\s+dev|vite(\s+(dev|serve))?(\s|$)(?!.*\b(build|preview)\b)|nodemon|ts-node-dev|tsx\s+watch|flask\s+run\b.*--(debug|reload)|uvicorn\b.*--reload|chainlit\s+run\b.*\s-(w|-watch)\b|streamlit\s+run\b.*--server\.runOnSave)/i;

/** Compose profiles a developer asks for by hand. */
const DEV_PROFILE = /^(dev|develop|development|local|debug|test|tests|testing|tools|devtools)$/i;

/** True for a compose service or process a developer runs locally: a dev compose file or profile, a dev server command. */
export function isDevOnlyUnit(unit: Pick<UnitFinding, 'kind' | 'path' | 'runs' | 'profiles'>): boolean {
  if (unit.kind !== 'container-service') return false;
  if ((unit.profiles ?? []).length > 0 && unit.profiles!.every((profile) => DEV_PROFILE.test(profile))) return true;
  return DEV_CONFIG_FILE.test(unit.path) || unit.runs.some((run) => DEV_SERVER_COMMAND.test(run));
}

/**
 * Whether a unit a config declares is deployed (an agent or LLM call when its code says so) or
 * an example of one: a CI workflow GitHub would not run or kept in docs/, examples/, templates/
 * or tests/; any other deployment config in docs/, examples/ or tests/; a dev-only service.
 * MCP client configs are a person's own set-up wherever they sit, except among test fixtures.
 */
export function isExampleUnit(unit: Pick<UnitFinding, 'kind' | 'path' | 'runs' | 'profiles'>, format: string): boolean {
  // A config kept with docs is still someone's set-up to copy; one among test fixtures is data.
  if (unit.kind === 'mcp-config') return isTestPath(`${posix.dirname(unit.path)}/`);
  if (unit.kind === 'ci-job' && format.split('+').includes('github-actions')) return !isDeployedWorkflowPath(unit.path);
  const dir = `${posix.dirname(unit.path)}/`;
  if (EXAMPLE_FOLDER.test(dir) || isTestPath(dir)) return true;
  if (unit.kind === 'ci-job' && TEMPLATE_FOLDER.test(dir)) return true;
  return isDevOnlyUnit(unit);
}
