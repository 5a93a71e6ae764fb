import { describe, expect, it } from 'vitest';
import { analyzeGitlabCi } from './gitlab-ci';
import { fixture, lineWith, secretName, testContext } from './test-support';

const text = fixture('gitlab-ci/.gitlab-ci.yml');
const analyze = () => analyzeGitlabCi('billing/.gitlab-ci.yml', text, testContext())!;
const unit = (name: string) => analyze().units.find((u) => u.name === name)!;

describe('analyzeGitlabCi', () => {
  it('makes a unit per job, skipping hidden templates', () => {
    expect(analyze().units.map((u) => u.name)).toEqual(['unit-tests', 'review-bot', 'nightly-reconciliation', 'manual-backfill', 'downstream']);
    expect(unit('nightly-reconciliation').evidence.line).toBe(lineWith(text, 'nightly-reconciliation:'));
  });

  it('reads a scheduled pipeline as a cron trigger whose schedule lives in the GitLab UI', () => {
    const trigger = unit('nightly-reconciliation').trigger;
    expect(trigger).toMatchObject({ kind: 'cron', schedule: null });
    expect(trigger.description).toContain('set in GitLab');
    expect(trigger.evidence!.line).toBe(lineWith(text, `'$CI_PIPELINE_SOURCE == "schedule"'`));
  });

  it('reads manual, chained and default triggers, ignoring rules with when: never', () => {
    expect(unit('manual-backfill').trigger).toMatchObject({ kind: 'user', description: 'Run by hand (when: manual)' });
    expect(unit('downstream').trigger).toMatchObject({ kind: 'chained', schedule: 'pipeline' });
    expect(unit('review-bot').trigger).toMatchObject({ kind: 'event', schedule: 'merge_request_event', description: 'On merge request event' });
    expect(unit('unit-tests').trigger).toMatchObject({ kind: 'unknown', description: expect.stringContaining('each pipeline') });
  });

  it('a job that pastes a merge request title into its command reads outsider-written text; other jobs do not', () => {
    expect(unit('review-bot').untrustedInputs.map((input) => [input.kind, input.detail, input.evidence.line])).toEqual([
      ['code-comment', '$CI_MERGE_REQUEST_TITLE', lineWith(text, 'review_mr.py')],
    ]);
    expect(unit('nightly-reconciliation').untrustedInputs).toEqual([]);
  });

  it('follows extends for before_script and reads scripts into runs and code paths', () => {
    const nightly = unit('nightly-reconciliation');
    expect(nightly.runs).toEqual(['pip install -r requirements.txt', 'python agents/reconcile.py --report-to "$SLACK_BOT_TOKEN"', 'python -m agents.notify --channel finance']);
    expect(nightly.codePaths).toEqual(['billing/agents/reconcile.py', 'billing/agents/notify.py']);
    expect(unit('manual-backfill').codePaths).toEqual(['billing/agents/backfill.py']);
  });

  it('names CI/CD variables used as secrets, job secrets, and keeps a literal password only as a fingerprint', () => {
    const nightly = unit('nightly-reconciliation');
    expect(nightly.credentials.map((c) => [c.kind, c.name])).toEqual([
      ['hardcoded-secret', secretName('LEDGER_DB_PASSWORD')],
      ['env-var', 'LEDGER_DB_PASSWORD'],
      ['ci-secret', 'SLACK_BOT_TOKEN'],
    ]);
    expect(nightly.credentials[2]!.evidence.line).toBe(lineWith(text, 'reconcile.py'));
    expect(JSON.stringify(analyze())).not.toContain('Xk9#mQ2vLp8wRt');
    expect(nightly.llm).toMatchObject([{ provider: 'openai', models: ['gpt-4o'] }]);
    expect(unit('downstream').credentials.map((c) => [c.kind, c.name, c.provider])).toContainEqual(['ci-secret', 'ANTHROPIC_API_KEY', 'anthropic']);
  });

  it('returns null for YAML without jobs', () => {
    expect(analyzeGitlabCi('.gitlab-ci.yml', 'stages: [build]\nvariables: {A: b}\n', testContext())).toBeNull();
  });
});
