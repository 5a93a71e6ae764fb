import { describe, expect, it } from 'vitest';
import type { ConfigFindings } from '../findings';
import { analyzePackageJson } from '../config/package-json';
import { analyzePnpmWorkspace } from '../config/pnpm-workspace';
import { testContext } from '../config/test-support';
import { PackageScripts } from './package-scripts';

/**
 * Monorepo and dev-setup commands read as the commands they hand on, over a workspace written as
 * real ones are: a pnpm workspace of apps/ and packages/, an example app outside it.
 */

const ctx = testContext();
const manifest = (path: string, body: object) => analyzePackageJson(path, JSON.stringify(body))!;

function workspace(extra: ConfigFindings[] = []): PackageScripts {
  return new PackageScripts([
    manifest('package.json', { name: 'desk', private: true, scripts: { dev: 'turbo run dev', start: 'turbo run start --filter=@desk/agent', lint: 'turbo run lint', 'dev:all': 'concurrently -k -n agent,web "npm:dev:agent" "pnpm --filter web dev"', 'dev:agent': 'pnpm --filter @desk/agent dev', both: 'run-p dev:*' } }),
    analyzePnpmWorkspace('pnpm-workspace.yaml', 'packages:\n  - "apps/*"\n  - "packages/*"\n  - "!**/fixtures/**"\n', ctx)!,
    manifest('apps/agent/package.json', { name: '@desk/agent', scripts: { dev: 'tsx watch src/index.ts', start: 'node dist/index.js', lint: 'eslint .' } }),
    manifest('apps/web/package.json', { name: 'web', scripts: { dev: 'next dev', start: 'next start' } }),
    manifest('packages/ui/package.json', { name: '@desk/ui', scripts: { lint: 'eslint .' } }),
    manifest('examples/demo/package.json', { name: 'demo', scripts: { start: 'tsx demo.ts' } }),
    ...extra,
  ]);
}

const runs = (words: string, dir = '', tree = workspace()) => tree.delegatedRuns(words.split(' '), dir)?.map((run) => `${run.dir}: ${run.command}`) ?? null;

describe('commands that run the scripts of other workspace packages', () => {
  it.each([
    ['pnpm --filter @desk/agent start', ['apps/agent: node dist/index.js']],
    ['pnpm -F web dev', ['apps/web: next dev']],
    ['pnpm --filter=./apps/agent run start', ['apps/agent: node dist/index.js']],
    ['pnpm --filter {apps/web} start', ['apps/web: next start']],
    ['pnpm --filter @desk/agent... start', ['apps/agent: node dist/index.js']],
    ['pnpm run start --filter web', ['apps/web: next start']],
    ['pnpm --filter @desk/* start', ['apps/agent: node dist/index.js']],
    ['pnpm -r start', ['apps/agent: node dist/index.js', 'apps/web: next start']],
    ['pnpm --recursive --filter !web start', ['apps/agent: node dist/index.js']],
    ['pnpm --filter @desk/agent exec tsx src/index.ts', ['apps/agent: tsx src/index.ts']],
    ['npm run start -w apps/agent', ['apps/agent: node dist/index.js']],
    ['npm start --workspace=web', ['apps/web: next start']],
    ['npm run dev --workspaces', ['apps/agent: tsx watch src/index.ts', 'apps/web: next dev']],
    ['yarn workspace @desk/agent start', ['apps/agent: node dist/index.js']],
    ['yarn workspaces foreach -A --include @desk/* run dev', ['apps/agent: tsx watch src/index.ts']],
    ['bun run --filter web start', ['apps/web: next start']],
    ['turbo run start --filter=@desk/agent', ['apps/agent: node dist/index.js']],
    ['npx turbo run dev --filter web', ['apps/web: next dev']],
    ['pnpm turbo start --filter=web', ['apps/web: next start']],
    ['turbo dev', ['apps/agent: tsx watch src/index.ts', 'apps/web: next dev']],
    ['turbo run web#start', ['apps/web: next start']],
  ])('%s', (command, expected) => {
    expect(runs(command)).toEqual(expected);
  });

  it('decoys: a filter naming no package, a package without the script, an example outside the workspace, a lint task and turbo prune run nothing', () => {
    expect(runs('pnpm --filter billing start')).toEqual([]);
    expect(runs('pnpm --filter @desk/ui start')).toEqual([]);
    expect(runs('pnpm --filter demo start')).toEqual([]);
    expect(runs('pnpm -r lint')).toEqual(['apps/agent: eslint .', 'packages/ui: eslint .']);
    expect(runs('turbo prune web --docker')).toEqual([]);
    expect(runs('pnpm --filter web install')).toEqual([]);
  });

  it('leaves plain script runs to the package-script reader', () => {
    expect(runs('npm start')).toBeNull();
    expect(runs('pnpm -C apps/web start')).toBeNull();
    expect(runs('yarn start')).toBeNull();
    expect(runs('uv run main.py')).toBeNull();
  });

  it('without a workspace declaration, the packages below the nearest package.json are the workspace', () => {
    const tree = new PackageScripts([manifest('package.json', { scripts: { start: 'turbo run start' } }), manifest('services/bot/package.json', { name: 'bot', scripts: { start: 'tsx bot.ts' } })]);
    expect(runs('turbo run start', '', tree)).toEqual(['services/bot: tsx bot.ts']);
  });
});

describe('runners whose arguments are commands or scripts', () => {
  it('concurrently: each argument is a command, npm:<script> a script (wildcards too); option values are not commands', () => {
    const tree = workspace();
    expect(tree.delegatedRuns(['concurrently', '-k', '-n', 'agent,web', '-c', 'blue,green', 'npm:dev:agent', 'pnpm --filter web dev'], '')!.map((r) => r.command)).toEqual(['npm run dev:agent', 'pnpm --filter web dev']);
    expect(tree.delegatedRuns(['npx', 'concurrently', '--names=a,b', 'npm:dev:*', 'cd apps/web && npm start'], '')!.map((r) => r.command)).toEqual(['npm run dev:all', 'npm run dev:agent', 'cd apps/web && npm start']);
  });

  it('npm-run-all, run-p and run-s: each argument names scripts of the package, `*` inside one part', () => {
    expect(runs('run-p dev:*')).toEqual([': npm run dev:all', ': npm run dev:agent']);
    expect(runs('npm-run-all --parallel --max-parallel 2 dev:agent lint')).toEqual([': npm run dev:agent', ': npm run lint']);
    expect(runs('run-s build start -- --port 3000')).toEqual([': npm run build', ': npm run start']);
  });

  it('uv and poetry run in the folder they are told to', () => {
    expect(runs('uv run --directory services/agent python -m agent.main')).toEqual(['services/agent: python -m agent.main']);
    expect(runs('uv --directory services/agent run main.py')).toEqual(['services/agent: main.py']);
    expect(runs('uv run --project services/agent agent-cli --once')).toEqual(['services/agent: agent-cli --once']);
    expect(runs('uv run --project services/agent python scripts/seed.py')).toEqual([': python scripts/seed.py']);
    expect(runs('poetry -C services/agent run python main.py')).toEqual(['services/agent: python main.py']);
    expect(runs('poetry --directory=services/agent run agent-cli')).toEqual(['services/agent: agent-cli']);
    expect(runs('poetry run python main.py')).toBeNull();
    expect(runs('uv sync --directory services/agent')).toBeNull();
  });
});

describe('reading workspace declarations', () => {
  it('reads package names and workspaces from package.json, and packages from pnpm-workspace.yaml', () => {
    const root = analyzePackageJson('package.json', '{"name": " desk ", "workspaces": {"packages": ["apps/*", 3]}, "scripts": {"dev": "turbo dev"}}')!;
    expect(root.packageName).toBe('desk');
    expect(root.workspaceGlobs).toEqual(['apps/*']);
    expect(analyzePackageJson('package.json', '{"name": 7, "workspaces": "apps/*", "scripts": {"dev": "x"}}')).toEqual(expect.not.objectContaining({ packageName: expect.anything(), workspaceGlobs: expect.anything() }));
    expect(analyzePnpmWorkspace('pnpm-workspace.yaml', 'packages:\n  - apps/*\n  - 42\n', ctx)?.workspaceGlobs).toEqual(['apps/*']);
    expect(analyzePnpmWorkspace('pnpm-workspace.yaml', 'catalog:\n  react: ^19\n', ctx)).toBeNull();
    expect(analyzePnpmWorkspace('pnpm-workspace.yaml', 'packages: apps/*\n', ctx)).toBeNull();
    expect(() => analyzePnpmWorkspace('pnpm-workspace.yaml', 'packages: [apps/*\n', ctx)).toThrow();
  });
});
