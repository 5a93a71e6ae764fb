import { describe, expect, it } from 'vitest';
import { analyzeJenkinsfile } from './jenkinsfile';
import { fixture, lineWith, secretName, testContext } from './test-support';

const text = fixture('jenkins/Jenkinsfile');

describe('analyzeJenkinsfile', () => {
  it('makes one unit for the pipeline, scheduled by its cron (and not by a commented-out one)', () => {
    const [unit] = analyzeJenkinsfile('vendor-risk/Jenkinsfile', text, testContext())!.units;
    expect(unit).toMatchObject({ kind: 'ci-job', name: 'vendor-risk' });
    expect(unit!.evidence.line).toBe(lineWith(text, 'pipeline {'));
    expect(unit!.trigger).toMatchObject({ kind: 'cron', schedule: 'H 7 * * 1', description: 'Every Monday between 07:00 and 07:59; also after Jenkins job vendor-sync builds' });
    expect(unit!.trigger.evidence!.line).toBe(lineWith(text, "cron('H 7"));
  });

  it('reads sh steps, credentials ids, bound variables and environment', () => {
    const findings = analyzeJenkinsfile('vendor-risk/Jenkinsfile', text, testContext())!;
    const [unit] = findings.units;
    expect(unit!.runs).toEqual(['python3 agents/vendor_review.py --notify', 'node scripts/publish.js']);
    expect(unit!.codePaths).toEqual(['vendor-risk/agents/vendor_review.py', 'vendor-risk/scripts/publish.js']);
    const byKind = (kind: string) => unit!.credentials.filter((c) => c.kind === kind).map((c) => c.name);
    expect(byKind('ci-secret')).toEqual(['openai-prod-key', 'slack-bot']);
    expect(byKind('env-var')).toEqual(['SLACK_BOT_TOKEN', 'OPENAI_API_KEY', 'JIRA_TOKEN']);
    expect(byKind('hardcoded-secret')).toEqual([secretName('JIRA_TOKEN')]);
    expect(unit!.credentials.find((c) => c.kind === 'hardcoded-secret')!.evidence.line).toBe(lineWith(text, 'JIRA_TOKEN ='));
    expect(JSON.stringify(findings)).not.toContain('jira-4f9a8b7c6d5e4f3a');
    expect(unit!.llm.map((l) => [l.provider, l.models])).toEqual([
      ['openai', []],
      ['openai', ['gpt-4o']],
    ]);
  });

  it('reads scripted pipelines: pipelineTriggers, sh(script:) and bound credentials', () => {
    const text = fixture('jenkins/Jenkinsfile.scripted');
    const [unit] = analyzeJenkinsfile('pr-labeler/Jenkinsfile.scripted', text, testContext())!.units;
    expect(unit!.evidence.line).toBe(lineWith(text, "node('docker')"));
    expect(unit!.trigger).toMatchObject({ kind: 'event', schedule: 'pollSCM', description: 'When the repository changes (polled: H/15 * * * *); also on a githubPush webhook' });
    expect(unit!.codePaths).toEqual(['pr-labeler/agents/label-prs.ts']);
    expect(unit!.credentials.map((c) => [c.kind, c.name])).toEqual([
      ['ci-secret', 'github-bot'],
      ['env-var', 'GH_TOKEN'],
    ]);
  });

  it('reads an upstream-only pipeline as chained', () => {
    const [unit] = analyzeJenkinsfile('release.Jenkinsfile', fixture('jenkins/release.Jenkinsfile'), testContext())!.units;
    expect(unit!.trigger).toMatchObject({ kind: 'chained', schedule: 'payments-build,ledger-build', description: 'After Jenkins job payments-build or ledger-build builds' });
  });

  it('returns null for Groovy that is not a pipeline', () => {
    expect(analyzeJenkinsfile('Jenkinsfile', 'def helper() { return 1 }\n', testContext())).toBeNull();
  });
});
