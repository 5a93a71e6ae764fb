import { describe, expect, it } from 'vitest';
import { analyzeServerless } from './serverless';
import { fixture, lineWith, secretName, testContext } from './test-support';

const text = fixture('serverless/serverless.yml');
const analyze = () => analyzeServerless('support/serverless.yml', text, testContext())!;

describe('analyzeServerless', () => {
  it('makes a unit per function with its handler file', () => {
    const units = analyze().units;
    expect(units.map((u) => [u.name, u.runs, u.codePaths])).toEqual([
      ['triage', ['src/triage/handler.main'], ['support/src/triage/handler.py']],
      ['zendeskWebhook', ['src/webhook.handle'], ['support/src/webhook.py']],
      ['escalations', ['src/escalate.run'], ['support/src/escalate.py']],
    ]);
    expect(units[0]!.evidence.line).toBe(lineWith(text, '  triage:'));
  });

  it('reads schedule, HTTP and queue events as triggers', () => {
    const [triage, webhook, escalations] = analyze().units;
    expect(triage!.trigger).toMatchObject({ kind: 'cron', schedule: 'rate(10 minutes)', description: 'Every 10 minutes UTC; also every Monday to Friday at 06:00 UTC' });
    expect(webhook!.trigger).toMatchObject({ kind: 'webhook', schedule: 'POST /hooks/zendesk' });
    expect(escalations!.trigger).toMatchObject({ kind: 'event', schedule: 'sqs: EscalationQueue.Arn', description: 'On sqs events from EscalationQueue.Arn' });
    expect(escalations!.trigger.evidence!.line).toBe(lineWith(text, '- sqs:'));
  });

  it('gives every function the provider environment, role statements and Bedrock use', () => {
    const [triage, , escalations] = analyze().units;
    expect(triage!.llm.map((l) => l.provider)).toEqual(['anthropic', 'bedrock']);
    expect(triage!.capabilities.map((c) => [c.kind, c.detail])).toEqual([
      ['data-read', 'IAM allows dynamodb:Query on TicketsTable.Arn'],
      ['data-write', 'IAM allows dynamodb:PutItem on TicketsTable.Arn'],
    ]);
    expect(escalations!.credentials.map((c) => [c.kind, c.name])).toEqual([
      ['hardcoded-secret', secretName('PAGERDUTY_TOKEN')],
      ['env-var', 'PAGERDUTY_TOKEN'],
      ['iam-role', 'arn:aws:iam::123456789012:role/escalations'],
      ['env-var', 'ANTHROPIC_API_KEY'],
    ]);
    expect(JSON.stringify(analyze())).not.toContain('u+Zx8cYqWf2Lm9AbCdEf');
  });

  it('returns null for YAML that is not a serverless config', () => {
    expect(analyzeServerless('serverless.yml', 'service: x\n', testContext())).toBeNull();
  });
});
