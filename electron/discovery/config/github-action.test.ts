import { describe, expect, it } from 'vitest';
import { analyzeConfigFile } from '.';
import { analyzeGithubAction } from './github-action';
import { fixture, lineWith, testContext } from './test-support';

const composite = fixture('github-action/pr-review/action.yml');
const options = () => ({ rules: testContext().rules, disabledRuleIds: new Set<string>(), fingerprintKey: testContext().fingerprintKey });

describe('analyzeGithubAction', () => {
  it('makes a composite action one github-action unit running its steps, with the action path resolved to its folder', () => {
    const [unit] = analyzeGithubAction('actions/pr-review/action.yml', composite, testContext())!.units;
    expect(unit).toMatchObject({ kind: 'github-action', name: 'PR Review Agent', path: 'actions/pr-review/action.yml', trigger: { kind: 'chained', description: 'Runs in the workflows that use this action' } });
    expect(unit!.evidence.line).toBe(lineWith(composite, 'using: "composite"'));
    expect(unit!.codePaths).toEqual(['actions/pr-review/src/entrypoints/prepare.ts', 'actions/pr-review/src/entrypoints/review.ts']);
    expect(unit!.runs).toContain('bun run ./src/entrypoints/review.ts');
  });

  it('at the root of a repository resolves ${GITHUB_ACTION_PATH} to the root', () => {
    const [unit] = analyzeGithubAction('action.yml', composite, testContext())!.units;
    expect(unit!.codePaths).toEqual(['src/entrypoints/prepare.ts', 'src/entrypoints/review.ts']);
  });

  it('records the inputs that carry keys as credentials, and the keys its steps set', () => {
    const [unit] = analyzeGithubAction('action.yml', composite, testContext())!.units;
    expect(unit!.credentials.filter((c) => c.kind === 'ci-secret').map((c) => [c.name, c.provider, c.evidence.line])).toEqual([
      ['inputs.anthropic_api_key', 'anthropic', lineWith(composite, '  anthropic_api_key:')],
      ['inputs.claude_code_oauth_token', 'anthropic', lineWith(composite, '  claude_code_oauth_token:')],
      ['inputs.github_token', 'github', lineWith(composite, '  github_token:')],
    ]);
    expect(unit!.credentials.map((c) => c.name)).toContain('ANTHROPIC_API_KEY');
  });

  it('runs the main, pre and post scripts of a JavaScript action', () => {
    const text = "name: 'Pullfrog'\ninputs:\n  prompt:\n    required: true\n  anthropic_api_key:\n    required: false\nruns:\n  using: 'node20'\n  pre: 'setup.cjs'\n  main: 'index.cjs'\n";
    const [unit] = analyzeGithubAction('tools/frog/action.yaml', text, testContext())!.units;
    expect(unit).toMatchObject({ kind: 'github-action', name: 'Pullfrog', codePaths: ['tools/frog/setup.cjs', 'tools/frog/index.cjs'] });
    expect(unit!.credentials.map((c) => c.name)).toEqual(['inputs.anthropic_api_key']);
  });

  it('ignores Docker actions and files that are not actions, and warns about malformed YAML', async () => {
    expect(analyzeGithubAction('action.yml', "name: x\nruns:\n  using: docker\n  image: Dockerfile\n", testContext())!.units).toEqual([]);
    expect(analyzeGithubAction('action.yml', 'name: x\ndescription: no runs\n', testContext())).toBeNull();
    const broken = await analyzeConfigFile('action.yml', 'name: x\nruns:\n  using: composite\n  steps: [\n', options());
    expect(broken.findings).toBeNull();
    expect(broken.warnings[0]!.message).toMatch(/not valid YAML.*read as a GitHub Action/);
  });
});
