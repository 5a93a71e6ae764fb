import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigSyntaxError } from './context';
import { analyzeTerraform, analyzeTerraformModule } from './terraform';
import { fixture, lineWith, secretName, testContext } from './test-support';

const lambdaTf = fixture('terraform/triage-lambda/lambda.tf');
const eventsTf = fixture('terraform/triage-lambda/events.tf');

describe('analyzeTerraform', () => {
  it('reads a Lambda: name, handler, code path from the archive source dir, env and role', async () => {
    const findings = await analyzeTerraform('infra/triage/lambda.tf', lambdaTf, testContext());
    const [unit] = findings.units;
    expect(unit).toMatchObject({ kind: 'serverless-function', name: 'ticket-triage', runs: ['triage.app.handler'], codePaths: ['services/triage/src/triage/app.py'] });
    expect(unit!.evidence.line).toBe(lineWith(lambdaTf, 'resource "aws_lambda_function"'));
    expect(unit!.credentials.map((c) => [c.kind, c.name])).toEqual([
      ['env-var', 'OPENAI_API_KEY'],
      ['hardcoded-secret', secretName('ZENDESK_PASSWORD')],
      ['env-var', 'ZENDESK_PASSWORD'],
      ['iam-role', 'ticket-triage-lambda'],
    ]);
    expect(unit!.credentials[1]!.evidence.line).toBe(lineWith(lambdaTf, 'ZENDESK_PASSWORD ='));
    expect(unit!.credentials[3]!.evidence.line).toBe(lineWith(lambdaTf, 'role          = aws_iam_role'));
    expect(unit!.endpoints).toMatchObject([{ host: 'llm-gateway.internal.example.com', purpose: 'inference' }]);
    expect(JSON.stringify(findings)).not.toContain('zd-Pa55word-2024!');
  });

  it("turns the role's policy document into capabilities and Bedrock use", async () => {
    const [unit] = (await analyzeTerraform('lambda.tf', lambdaTf, testContext())).units;
    expect(unit!.capabilities.map((c) => [c.kind, c.detail])).toEqual([
      ['data-read', 'IAM allows dynamodb:GetItem on ${aws_dynamodb_table.tickets.arn}'],
      ['data-write', 'IAM allows dynamodb:PutItem on ${aws_dynamodb_table.tickets.arn}'],
      ['data-delete', 'IAM allows dynamodb:DeleteItem on ${aws_dynamodb_table.tickets.arn}'],
      ['external-communication', 'IAM allows ses:SendEmail on *'],
    ]);
    expect(unit!.llm.map((l) => [l.provider, l.sdk])).toEqual([
      ['openai', 'OPENAI_API_KEY environment variable'],
      ['openai', 'TRIAGE_MODEL environment variable'],
      ['bedrock', 'IAM bedrock:InvokeModel'],
    ]);
    expect(unit!.trigger).toMatchObject({ kind: 'unknown' });
  });

  it('links a schedule in another file of the same module', async () => {
    const { findings, warnings } = await analyzeTerraformModule(
      [
        { path: 'infra/triage/lambda.tf', text: lambdaTf },
        { path: 'infra/triage/events.tf', text: eventsTf },
      ],
      testContext(),
    );
    expect(warnings).toEqual([]);
    expect(findings.map((f) => f.path)).toEqual(['infra/triage/lambda.tf']);
    const trigger = findings[0]!.units[0]!.trigger;
    expect(trigger).toMatchObject({ kind: 'cron', schedule: 'rate(15 minutes)', description: 'Every 15 minutes UTC' });
    expect(trigger.evidence).toMatchObject({ path: 'infra/triage/events.tf', line: lineWith(eventsTf, 'schedule_expression') });
  });

  it('still links the rest of a module when one file is broken, with a warning for it', async () => {
    const { findings, warnings } = await analyzeTerraformModule(
      [
        { path: 'm/lambda.tf', text: lambdaTf },
        { path: 'm/broken.tf', text: 'resource "aws_sqs_queue" "q" {\n  name = "q"\n' },
      ],
      testContext(),
    );
    expect(findings[0]!.units.map((u) => u.name)).toEqual(['ticket-triage']);
    expect(warnings).toEqual([{ path: 'm/broken.tf', message: expect.stringMatching(/^line \d+: not valid Terraform: Unclosed configuration block/) }]);
  });

  it('reads EventBridge Scheduler, SQS mappings and API Gateway permissions', async () => {
    const text = fixture('terraform/scheduled.tf');
    const [digest, ingest, chat] = (await analyzeTerraform('scheduled.tf', text, testContext())).units;
    expect(digest).toMatchObject({ name: 'digest', runs: ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/digest:latest (image)'] });
    expect(digest!.trigger).toMatchObject({ kind: 'cron', schedule: 'cron(0 9 ? * MON *)', description: 'Every Monday at 09:00 (Europe/Paris)' });
    expect(digest!.credentials).toMatchObject([{ kind: 'iam-role', name: 'arn:aws:iam::123456789012:role/digest' }]);
    expect(ingest!.trigger).toMatchObject({ kind: 'event', schedule: 'aws_sqs_queue.inbound', description: 'Consumes aws_sqs_queue.inbound; also on HTTP requests through API Gateway' });
    expect(ingest!.codePaths).toEqual([]);
    expect(chat!.trigger).toMatchObject({ kind: 'webhook', description: 'On HTTP requests to its function URL' });
  });

  it('reads Cloud Functions with Cloud Scheduler and Azure function apps', async () => {
    const text = fixture('terraform/gcp-azure.tf');
    const findings = await analyzeTerraform('gcp-azure.tf', text, testContext());
    const [summariser, classifier] = findings.units;
    expect(summariser).toMatchObject({ name: 'call-summariser', runs: ['summarise'] });
    expect(summariser!.trigger).toMatchObject({ kind: 'cron', schedule: '0 2 * * *', description: 'Every day at 02:00 (Europe/Berlin); also on HTTP requests' });
    expect(summariser!.credentials.map((c) => [c.kind, c.name])).toEqual([
      ['hardcoded-secret', secretName('google api key AIza… (39 chars)')],
      ['env-var', 'GEMINI_API_KEY'],
      ['service-account', 'summariser@acme-prod.iam.gserviceaccount.com'],
    ]);
    expect(JSON.stringify(findings)).not.toContain('AIzaSyA1234567890abcdefghijklmnopqrstuv');
    expect(classifier).toMatchObject({ name: 'doc-classifier', trigger: { kind: 'unknown' } });
    expect(classifier!.credentials.map((c) => c.kind)).toEqual(['env-var', 'service-account']);
    expect(classifier!.endpoints).toMatchObject([{ host: 'acme-openai.openai.azure.com', purpose: 'inference' }]);
  });

  it('reports malformed HCL as a syntax error with its line, and reads .tf.json', async () => {
    await expect(analyzeTerraform('bad.tf', 'resource "aws_lambda_function" "x" {\n  handler = "a.b"\n', testContext())).rejects.toThrow(ConfigSyntaxError);
    await expect(analyzeTerraform('bad.tf', 'resource "x" "y" {\n', testContext())).rejects.toMatchObject({ line: 1 });
    const json = JSON.stringify({ resource: { aws_lambda_function: { worker: { function_name: 'worker', handler: 'w.main', runtime: 'python3.12' } } } }, null, 2);
    const [unit] = (await analyzeTerraform('main.tf.json', json, testContext())).units;
    expect(unit).toMatchObject({ name: 'worker', runs: ['w.main'] });
    expect(unit!.evidence.line).toBe(lineWith(json, '"worker": {'));
  });
});

describe('an Amazon Bedrock Agent in Terraform', () => {
  // The labelled corpus repository's module: the agent in agent.tf, its action group's Lambda in tools.tf.
  const corpusModule = (name: string) => readFileSync(fileURLToPath(new URL(`../corpus/repos/bedrock-agents-terraform-py/repo/infra/refunds/${name}`, import.meta.url)), 'utf8');
  const agentTf = corpusModule('agent.tf');
  const toolsTf = corpusModule('tools.tf');
  const analyzeModule = async () =>
    (
      await analyzeTerraformModule(
        [
          { path: 'infra/refunds/agent.tf', text: agentTf },
          { path: 'infra/refunds/tools.tf', text: toolsTf },
        ],
        testContext(),
      )
    ).findings;

  it('is a unit named by agent_name, on InvokeAgent, running its foundation model as its resource role', async () => {
    const agent = (await analyzeModule()).flatMap((f) => f.units).find((u) => u.name === 'refund-desk')!;
    expect(agent).toMatchObject({ kind: 'serverless-function', path: 'infra/refunds/agent.tf' });
    expect(agent.evidence.line).toBe(lineWith(agentTf, 'resource "aws_bedrockagent_agent" "refunds"'));
    expect(agent.trigger).toMatchObject({ kind: 'webhook', schedule: 'InvokeAgent' });
    expect(agent.llm.map((l) => [l.provider, l.sdk, l.models])).toEqual([
      ['bedrock', 'Amazon Bedrock Agents', ['anthropic.claude-3-5-sonnet-20240620-v1:0']],
      ['bedrock', 'IAM bedrock:InvokeModel', []],
    ]);
    expect(agent.credentials.map((c) => [c.kind, c.name])).toEqual([
      ['iam-role', 'AmazonBedrockExecutionRoleForAgents_refunds'],
      ['iam-role', 'refund-tools-lambda'],
    ]);
  });

  it('holds its action groups as tools: the Lambda’s code and role, the code interpreter, and its knowledge bases as data it reads', async () => {
    const agent = (await analyzeModule()).flatMap((f) => f.units).find((u) => u.name === 'refund-desk')!;
    expect(agent.codePaths).toEqual(['services/refund-tools/handler.py']);
    expect(agent.capabilities.map((c) => [c.kind, c.tool, c.detail])).toEqual([
      ['code-execution', 'analysis', 'Bedrock code interpreter runs code the model writes'],
      ['data-read', 'refunds', 'IAM allows dynamodb:GetItem on ${aws_dynamodb_table.refunds.arn}'],
      ['data-write', 'refunds', 'IAM allows dynamodb:UpdateItem on ${aws_dynamodb_table.refunds.arn}'],
      ['data-read', null, 'Retrieves from the policies knowledge base'],
    ]);
  });

  it('lists each action group as a tool of the agent, with what it may do', async () => {
    const agent = (await analyzeModule()).flatMap((f) => f.units).find((u) => u.name === 'refund-desk')!;
    expect(agent.tools!.map((t) => [t.name, t.description, t.capabilities])).toEqual([
      ['refunds', undefined, ['data-read', 'data-write']],
      ['analysis', 'AMAZON.CodeInterpreter', ['code-execution']],
    ]);
    expect(agent.tools![0]!.evidence.line).toBe(lineWith(agentTf, 'resource "aws_bedrockagent_agent_action_group" "refunds"'));
  });

  it('names a supervisor’s collaborators: the agents behind the aliases its collaborator links name', async () => {
    const repo = (file: string) => readFileSync(fileURLToPath(new URL(`../corpus/repos/bedrock-multi-agent-terraform-py/repo/infra/orders/${file}`, import.meta.url)), 'utf8');
    const files = ['supervisor.tf', 'collaborators.tf', 'functions.tf'].map((file) => ({ path: `infra/orders/${file}`, text: repo(file) }));
    const units = (await analyzeTerraformModule(files, testContext())).findings.flatMap((f) => f.units);
    const supervisor = units.find((u) => u.name === 'OrderDesk')!;
    expect(supervisor.collaborators!.map((c) => [c.kind, c.name, c.path])).toEqual([
      ['serverless-function', 'StockAgent', 'infra/orders/collaborators.tf'],
      ['serverless-function', 'RefundAgent', 'infra/orders/collaborators.tf'],
    ]);
    expect(supervisor.tools).toBeUndefined();
    const refunds = units.find((u) => u.name === 'RefundAgent')!;
    // The built-in that only asks the user a question is no tool.
    expect(refunds.tools!.map((t) => [t.name, t.description])).toEqual([['refunds', 'Refunds an order and tells the customer; functions: issue_refund, email_customer']]);
  });

  it('names the role it runs as when the role is an ARN, and its built-in action groups', async () => {
    const text = fixture('terraform/bedrock-agent.tf');
    const [agent] = (await analyzeTerraform('bedrock-agent.tf', text, testContext())).units;
    expect(agent).toMatchObject({ name: 'ticket-triage', codePaths: [] });
    expect(agent!.credentials.map((c) => c.name)).toEqual(['arn:aws:iam::123456789012:role/AmazonBedrockExecutionRoleForAgents_triage']);
    expect(agent!.capabilities.map((c) => [c.kind, c.tool])).toEqual([['code-execution', 'analysis']]);
    // A collaborator declared in the same file is named from that file alone.
    expect(agent!.collaborators!.map((c) => c.name)).toEqual(['ticket-escalation']);
  });

  it('reads the model from the foundation-model data source the agent refers to', async () => {
    const text = [
      'data "aws_bedrock_foundation_model" "nova_lite" {\n  model_id = "amazon.nova-lite-v1:0"\n}\n',
      'resource "aws_bedrockagent_agent" "main" {\n  agent_name = "${var.project_name}-agent"\n  agent_resource_role_arn = "arn:aws:iam::123456789012:role/agent"\n  foundation_model = data.aws_bedrock_foundation_model.nova_lite.model_id\n}\n',
    ].join('\n');
    const [agent] = (await analyzeTerraform('main.tf', text, testContext())).units;
    expect(agent!.llm.map((l) => [l.sdk, l.models])).toEqual([['Amazon Bedrock Agents', ['amazon.nova-lite-v1:0']]]);
  });
});
