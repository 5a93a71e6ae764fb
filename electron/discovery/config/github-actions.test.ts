import { describe, expect, it } from 'vitest';
import { analyzeGithubActions } from './github-actions';
import { fixture, lineWith, secretName, testContext } from './test-support';

const nightly = fixture('github-actions/nightly-triage.yml');

describe('analyzeGithubActions', () => {
  it('makes one ci-job unit per job, named workflow/job, with the schedule in words', () => {
    const findings = analyzeGithubActions('svc/.github/workflows/nightly-triage.yml', nightly, testContext())!;
    expect(findings.units.map((u) => [u.kind, u.name])).toEqual([
      ['ci-job', 'Nightly ticket triage/triage'],
      ['ci-job', 'Nightly ticket triage/report'],
    ]);
    const [triage] = findings.units;
    expect(triage!.evidence.line).toBe(lineWith(nightly, '  triage:'));
    expect(triage!.trigger).toMatchObject({ kind: 'cron', schedule: '0 6 * * *', description: 'Every day at 06:00 UTC; also run by hand (workflow_dispatch)' });
    expect(triage!.trigger.evidence!.line).toBe(lineWith(nightly, "cron: '0 6 * * *'"));
  });

  it('reads run commands into runs and code paths relative to the repository root', () => {
    const [triage, report] = analyzeGithubActions('svc/.github/workflows/nightly-triage.yml', nightly, testContext())!.units;
    expect(triage!.runs).toEqual(['uv sync --frozen', 'uv run python -m triage.nightly --since yesterday']);
    expect(triage!.codePaths).toEqual(['svc/triage/nightly.py']);
    expect(report!.codePaths).toEqual(['svc/tools/report/build-report.js', 'svc/tools/report/send-summary.ts']);
    // A job's working directory is where its commands run: `pnpm agent` there is that folder's package script.
    expect(report!.runs).toEqual(['cd tools/report && node build-report.js', 'cd tools/report && npx tsx send-summary.ts']);
  });

  it('names CI secrets, credential env vars, the LLM provider and the model, with their lines', () => {
    const [triage] = analyzeGithubActions('.github/workflows/nightly-triage.yml', nightly, testContext())!.units;
    const secrets = triage!.credentials.filter((c) => c.kind === 'ci-secret');
    expect(secrets.map((c) => [c.name, c.provider, c.evidence.line])).toEqual([
      ['OPENAI_API_KEY', 'openai', lineWith(nightly, 'OPENAI_API_KEY:')],
      ['ZENDESK_TOKEN', null, lineWith(nightly, 'ZENDESK_TOKEN:')],
    ]);
    expect(triage!.credentials.filter((c) => c.kind === 'env-var').map((c) => c.name)).toEqual(['OPENAI_API_KEY', 'ZENDESK_TOKEN']);
    expect(triage!.llm.map((l) => [l.provider, l.models])).toEqual([
      ['openai', []],
      ['openai', ['gpt-4o-mini']],
    ]);
  });

  it('turns write permissions into data-write and notes self-hosted runners', () => {
    const [triage, report] = analyzeGithubActions('.github/workflows/nightly-triage.yml', nightly, testContext())!.units;
    expect(triage!.capabilities.map((c) => c.detail)).toEqual(['GITHUB_TOKEN issues: write (can open, edit and close issues)']);
    expect(report!.capabilities.map((c) => [c.kind, c.detail])).toEqual([
      ['data-write', 'GITHUB_TOKEN contents: write (can push code and edit releases)'],
      ['shell-exec', 'steps run on a self-hosted runner (self-hosted, linux, prod-network)'],
    ]);
    expect(report!.capabilities[1]!.evidence.line).toBe(lineWith(nightly, 'runs-on: [self-hosted'));
  });

  it('recognises LLM actions, their model, shell tools and the cloud role the job assumes', () => {
    const text = fixture('github-actions/claude-review.yml');
    const [job] = analyzeGithubActions('.github/workflows/claude.yml', text, testContext())!.units;
    expect(job!.trigger).toMatchObject({ kind: 'event', schedule: 'issue_comment: created', description: 'On issue comment created; also on pull request opened or synchronize to main' });
    expect(job!.llm).toMatchObject([{ provider: 'anthropic', sdk: 'anthropics/claude-code-action@v1', models: ['claude-sonnet-4-5'] }]);
    expect(job!.llm[0]!.evidence.line).toBe(lineWith(text, 'anthropics/claude-code-action'));
    expect(job!.capabilities.map((c) => c.kind)).toEqual(['data-write', 'data-write', 'shell-exec']);
    expect(job!.capabilities[2]!.detail).toBe('anthropics/claude-code-action may run shell commands (claude_args: Bash(npm test:*))');
    expect(job!.credentials.map((c) => [c.kind, c.name])).toEqual([
      ['ci-secret', 'ANTHROPIC_API_KEY'],
      ['iam-role', 'arn:aws:iam::123456789012:role/claude-review'],
    ]);
  });

  it('reads `on` as a list, workflow_run as chained, and keeps literal tokens only as fingerprints', () => {
    const chained = analyzeGithubActions('.github/workflows/chained.yml', fixture('github-actions/chained.yml'), testContext())!;
    expect(chained.units[0]!.trigger).toMatchObject({ kind: 'event', schedule: 'push', description: 'On push; also on a repository_dispatch API call' });
    expect(chained.units[0]!.codePaths).toEqual(['scripts/agent.py']);

    const text = fixture('github-actions/after-deploy.yaml');
    const findings = analyzeGithubActions('.github/workflows/after-deploy.yaml', text, testContext())!;
    const [unit] = findings.units;
    expect(unit!.trigger).toMatchObject({ kind: 'chained', schedule: 'Deploy', description: 'After workflow "Deploy" runs' });
    expect(unit!.llm).toMatchObject([{ provider: 'github-models', models: ['openai/gpt-4.1'] }]);
    const secret = unit!.credentials.find((c) => c.kind === 'hardcoded-secret')!;
    expect(secret).toMatchObject({ provider: 'github', preview: 'ghp_… (40 chars)', name: secretName('github token ghp_… (40 chars)') });
    expect(secret.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(findings)).not.toContain('ef1234');
    expect(JSON.stringify(findings)).not.toContain('ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef1234');
  });

  it('reads a workflow run only by hand', () => {
    const text = fixture('github-actions/manual-report.yml');
    const [draft] = analyzeGithubActions('.github/workflows/manual-report.yml', text, testContext())!.units;
    expect(draft!.trigger).toMatchObject({ kind: 'user', schedule: null, description: 'Run by hand (workflow_dispatch)' });
    expect(draft!.trigger.evidence!.line).toBe(lineWith(text, 'on: workflow_dispatch'));
  });

  it('drops the findings of rules a workspace turned off', () => {
    const [triage] = analyzeGithubActions('.github/workflows/n.yml', nightly, testContext(['gha.trigger.schedule', 'gha.credential.secret']))!.units;
    expect(triage!.trigger).toMatchObject({ kind: 'user', description: 'Run by hand (workflow_dispatch)' });
    expect(triage!.credentials.some((c) => c.kind === 'ci-secret')).toBe(false);
    expect(analyzeGithubActions('.github/workflows/n.yml', nightly, testContext(['gha.unit.job']))!.units).toEqual([]);
  });

  it('a workflow on issues and comments hands every job outsider-written text, and names the steps that paste it', () => {
    const text = fixture('github-actions/issue-triage-agent.yml');
    const [triage] = analyzeGithubActions('.github/workflows/issue-triage-agent.yml', text, testContext())!.units;
    expect(triage!.untrustedInputs.map((input) => [input.kind, input.detail, input.evidence.line])).toEqual([
      ['code-comment', 'on: issues (issue titles and bodies)', lineWith(text, '  issues:')],
      ['code-comment', 'on: issue_comment (issue and pull request comments)', lineWith(text, '  issue_comment:')],
      ['code-comment', 'github.event.issue.title', lineWith(text, 'ISSUE_TITLE:')],
      ['code-comment', 'github.event.comment.body', lineWith(text, 'COMMENT_BODY:')],
    ]);
    expect(triage!.untrustedInputs[3]!.evidence.snippet).toContain('${{ github.event.comment.body }}');
    // The issue number is not text anyone writes; a condition on a comment's body pastes nothing into a step.
    expect(triage!.untrustedInputs.some((input) => input.detail.includes('number'))).toBe(false);
    const claude = analyzeGithubActions('.github/workflows/claude.yml', fixture('github-actions/claude-review.yml'), testContext())!.units[0]!;
    expect(claude.untrustedInputs.map((input) => input.detail)).toEqual(['on: issue_comment (issue and pull request comments)']);
  });

  it('a scheduled, pushed or hand-run workflow reads no outsider text, and a workspace can turn the rules off', () => {
    for (const name of ['nightly-triage.yml', 'chained.yml', 'manual-report.yml']) {
      for (const unit of analyzeGithubActions(`.github/workflows/${name}`, fixture(`github-actions/${name}`), testContext())!.units) expect(unit.untrustedInputs).toEqual([]);
    }
    const text = fixture('github-actions/issue-triage-agent.yml');
    const [off] = analyzeGithubActions('.github/workflows/i.yml', text, testContext(['gha.untrusted-input.outsider-event', 'gha.untrusted-input.event-text']))!.units;
    expect(off!.untrustedInputs).toEqual([]);
  });

  it('returns null for YAML that is not a workflow', () => {
    expect(analyzeGithubActions('.github/workflows/labels.yml', 'labels:\n  - bug\n', testContext())).toBeNull();
    expect(analyzeGithubActions('.github/dependabot.yml', 'version: 2\nupdates: []\n', testContext())).toBeNull();
  });
});
