import { describe, expect, it } from 'vitest';
import type { UnitFinding } from '../findings';
import { isDeployedWorkflowPath, isDevOnlyUnit, isExampleUnit, isTestPath, runsOnlyTests } from './deployment-scope';

const unit = (kind: UnitFinding['kind'], path: string, runs: string[] = []) => ({ kind, path, runs });

describe('isTestPath', () => {
  it.each([
    'tests/test_agent.py',
    'agent/tests/conftest.py',
    'conftest.py',
    'src/agent_test.py',
    'test_agent.py',
    'src/__tests__/review.ts',
    'src/review.test.ts',
    'src/review.spec.tsx',
    'src/review.int.test.ts',
    'lib/review.spec.mjs',
    'test/fixtures/server.py',
    'fixtures/agent.py',
    'pkg/testdata/agent.py',
    'e2e/chat.ts',
    'tests/fixtures/.github/workflows/agent.yml',
    'evals/runner.py',
    'app/eval/judge.py',
    'benchmarks/latency.ts',
  ])('%s is test code', (path) => expect(isTestPath(path)).toBe(true));

  it.each(['src/agent.py', 'agents/testing_agent.py', 'src/contest.py', 'src/latest.ts', 'attestations/agent.py', 'src/spectrum.ts', 'docs/examples/agent.py', 'app/evaluation/service.py', 'src/evaluator.py'])('%s is not', (path) => {
    expect(isTestPath(path)).toBe(false);
  });
});

describe('isDeployedWorkflowPath: GitHub runs <repo root>/.github/workflows/*.yml only', () => {
  it.each([
    ['.github/workflows/agent.yml', true],
    ['.github/workflows/agent.yaml', true],
    // A scan root holding several repositories: each one's own workflows run.
    ['services/summariser/.github/workflows/digest.yml', true],
    ['.github/workflows/legacy/old.yml', false],
    ['.github/workflow-templates/agent.yml', false],
    ['docs/examples/.github/workflows/agent.yml', false],
    ['templates/agent-repo/.github/workflows/agent.yml', false],
    ['tests/fixtures/.github/workflows/agent.yml', false],
    ['examples/ci/agent.yml', false],
    ['ci/agent.yml', false],
  ])('%s → %s', (path, deployed) => expect(isDeployedWorkflowPath(path)).toBe(deployed));
});

describe('isExampleUnit', () => {
  it('a workflow outside the workflows folder of a repository is an example, whatever the format routing said', () => {
    expect(isExampleUnit(unit('ci-job', 'examples/ci/agent.yml'), 'github-actions')).toBe(true);
    expect(isExampleUnit(unit('ci-job', '.github/workflows/agent.yml'), 'github-actions')).toBe(false);
  });

  it('other deployment configs are examples in docs/, examples/ and tests/, not elsewhere', () => {
    expect(isExampleUnit(unit('k8s-cronjob', 'docs/deploy/cronjob.yaml'), 'kubernetes')).toBe(true);
    expect(isExampleUnit(unit('ci-job', 'examples/gitlab/.gitlab-ci.yml'), 'gitlab-ci')).toBe(true);
    expect(isExampleUnit(unit('ci-job', 'templates/ci/.gitlab-ci.yml'), 'gitlab-ci')).toBe(true);
    expect(isExampleUnit(unit('ci-job', '.gitlab-ci.yml'), 'gitlab-ci')).toBe(false);
    expect(isExampleUnit(unit('k8s-deployment', 'k8s/agent.yaml'), 'kubernetes')).toBe(false);
    // A Helm chart's templates/ folder is what gets deployed.
    expect(isExampleUnit(unit('k8s-deployment', 'charts/agent/templates/deployment.yaml'), 'kubernetes')).toBe(false);
    expect(isExampleUnit(unit('scheduled-task', 'tests/fixtures/crontab'), 'crontab')).toBe(true);
  });

  it('an MCP client config is a person\'s own set-up wherever it sits, except among test fixtures', () => {
    expect(isExampleUnit(unit('mcp-config', 'docs/claude_desktop_config.json'), 'mcp')).toBe(false);
    expect(isExampleUnit(unit('mcp-config', '.cursor/mcp.json'), 'mcp')).toBe(false);
    expect(isExampleUnit(unit('mcp-config', 'tests/fixtures/.mcp.json'), 'mcp')).toBe(true);
  });
});

describe('isDevOnlyUnit', () => {
  it.each([
    ['docker-compose.dev.yml', ['python -m app']],
    ['compose.override.yaml', ['python -m app']],
    ['docker-compose.local.yml', ['node dist/x.js']],
    ['worker/Procfile.dev', ['npx tsx src/worker.ts']],
    ['docker-compose.yml', ['langgraph dev --host 0.0.0.0']],
    ['docker-compose.yml', ['npm run dev']],
    ['docker-compose.yml', ['pnpm dev']],
    ['docker-compose.yml', ['next dev -p 3000']],
    ['docker-compose.yml', ['npx mastra dev']],
    ['docker-compose.yml', ['vite --host']],
    ['docker-compose.yml', ['uvicorn app.main:app --reload']],
    ['docker-compose.yml', ['chainlit run app.py -w']],
    ['Procfile', ['nodemon src/server.js']],
  ])('%s running %j is a dev server', (path, runs) => expect(isDevOnlyUnit(unit('container-service', path, runs))).toBe(true));

  it.each([
    ['docker-compose.yml', ['langgraph up']],
    ['docker-compose.yml', ['uvicorn app.main:app --host 0.0.0.0']],
    ['docker-compose.yml', ['vite build && node server.js']],
    ['docker-compose.yml', ['npm start']],
    ['docker-compose.yml', ['npx mastra start']],
    ['docker-compose.yml', ['chainlit run app.py --host 0.0.0.0']],
    ['docker-compose.prod.yml', ['python -m app']],
    ['Procfile', ['web: gunicorn app:app']],
  ])('%s running %j is not', (path, runs) => expect(isDevOnlyUnit(unit('container-service', path, runs))).toBe(false));

  it('a compose service only in dev profiles is a dev service; one also in a production profile is not', () => {
    expect(isDevOnlyUnit({ ...unit('container-service', 'docker-compose.yml', ['python -m app']), profiles: ['dev'] })).toBe(true);
    expect(isDevOnlyUnit({ ...unit('container-service', 'docker-compose.yml', ['python -m app']), profiles: ['debug', 'local'] })).toBe(true);
    expect(isDevOnlyUnit({ ...unit('container-service', 'docker-compose.yml', ['python -m app']), profiles: ['dev', 'prod'] })).toBe(false);
    expect(isDevOnlyUnit({ ...unit('container-service', 'docker-compose.yml', ['python -m app']), profiles: ['workers'] })).toBe(false);
  });

  it('only services are dev servers: a CI job that runs `npm run dev` for a smoke test is judged as a job', () => {
    expect(isDevOnlyUnit(unit('ci-job', '.github/workflows/smoke.yml', ['npm run dev']))).toBe(false);
  });
});

describe('runsOnlyTests', () => {
  const job = (runs: string[], llmRule?: string) => ({ runs, llm: llmRule ? [{ provider: 'anthropic', sdk: 'x', models: [], evidence: { path: 'w.yml', line: 1, snippet: '', ruleId: llmRule, confidence: 0.9 } }] : [] });

  it('a job whose only code is tests, or that runs a test runner and no code of its own, runs tests', () => {
    expect(runsOnlyTests(job(['pytest -q tests/test_agent.py']), ['tests/test_agent.py'])).toBe(true);
    expect(runsOnlyTests(job(['pip install -r requirements.txt', 'pytest -q tests'], 'config.llm.provider-key-env'), [])).toBe(true);
    expect(runsOnlyTests(job(['npm ci', 'npm test']), [])).toBe(true);
    expect(runsOnlyTests(job(['python -m pytest']), [])).toBe(true);
  });

  it('a job that also runs an agent script, or runs a coding-agent action, does not', () => {
    expect(runsOnlyTests(job(['pytest', 'python scripts/agent.py']), ['scripts/agent.py'])).toBe(false);
    expect(runsOnlyTests(job(['npm test'], 'gha.llm.action'), [])).toBe(false);
    expect(runsOnlyTests(job(['python scripts/latest_report.py']), [])).toBe(false);
    expect(runsOnlyTests(job([]), [])).toBe(false);
  });
});
