import { describe, expect, it } from 'vitest';
import { analyzeCircleci } from './circleci';
import { fixture, lineWith, testContext } from './test-support';

const text = fixture('circleci/config.yml');

describe('analyzeCircleci', () => {
  it('makes a unit per job with the trigger of the workflows that list it', () => {
    const [build, triage] = analyzeCircleci('inbox/.circleci/config.yml', text, testContext())!.units;
    expect(build).toMatchObject({ name: 'build', trigger: { kind: 'event', description: 'On push (workflow on-commit)' } });
    expect(triage!.trigger).toMatchObject({ kind: 'cron', schedule: '30 2 * * 1-5', description: 'Every Monday to Friday at 02:30 UTC' });
    expect(triage!.trigger.evidence!.line).toBe(lineWith(text, 'cron: "30 2'));
  });

  it('reads run commands with their working directory, contexts and env references', () => {
    const triage = analyzeCircleci('inbox/.circleci/config.yml', text, testContext())!.units[1]!;
    expect(triage.codePaths).toEqual(['inbox/agents/inbox_triage.py']);
    expect(triage.credentials.map((c) => [c.kind, c.name])).toEqual([
      ['ci-secret', 'context anthropic-prod'],
      ['ci-secret', 'context zendesk'],
      ['ci-secret', 'ZENDESK_API_TOKEN'],
    ]);
    expect(triage.credentials[0]!.evidence.line).toBe(lineWith(text, 'context: [anthropic-prod'));
    expect(triage.credentials[2]!.evidence.line).toBe(lineWith(text, 'python inbox_triage.py'));
    expect(triage.llm).toMatchObject([{ provider: 'anthropic', models: ['claude-3-5-haiku-latest'] }]);
  });

  it('reads a scheduled-pipeline condition as a cron set in the project settings', () => {
    const config = `version: 2.1
jobs:
  digest:
    docker: [{image: cimg/python:3.12}]
    steps: [checkout, {run: python digest.py}]
workflows:
  scheduled:
    when:
      equal: [scheduled_pipeline, << pipeline.trigger_source >>]
    jobs: [digest]
`;
    const [digest] = analyzeCircleci('.circleci/config.yml', config, testContext())!.units;
    expect(digest!.trigger).toMatchObject({ kind: 'cron', schedule: null, description: expect.stringContaining('project settings') });
  });

  it('returns null for YAML that is not a CircleCI config', () => {
    expect(analyzeCircleci('.circleci/other.yml', 'jobs: {}\n', testContext())).toBeNull();
  });
});
