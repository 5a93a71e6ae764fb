import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { AnalyzerPool } from './analyzer-pool';
import { scanFolder } from './scan-folder';
import { scanTreeFixture } from './test-scan-tree';

const tree = scanTreeFixture('atw-scan-');
const write = tree.write;

describe('scanFolder', () => {
  it('links a Lambda handler to the file beside its config even when other repositories of the tree hold a handler in another language', async () => {
    const pythonHandler = 'from openai import OpenAI\nclient = OpenAI()\ndef handler(event, context):\n    return client.responses.create(model="gpt-4.1", input="x")\n';
    write('repos/py-a/src/handler.py', pythonHandler);
    write('repos/py-b/src/handler.py', pythonHandler);
    write('repos/ts/infra/lambda.tf', 'resource "aws_lambda_function" "r" {\n  function_name = "reconciler"\n  handler = "handler.handler"\n  runtime = "nodejs20.x"\n  filename = "${path.module}/../build/reconciler.zip"\n}\n');
    write('repos/ts/src/handler.ts', "import OpenAI from 'openai';\nconst client = new OpenAI();\nexport const handler = async () => client.responses.create({ model: 'gpt-4.1', input: 'x' });\n");
    const { agents } = await scanFolder(tree.root(), { pool: tree.pool, fingerprintKey: TEST_FINGERPRINT_KEY });
    expect(agents.find((a) => a.unit.kind === 'serverless-function')?.entryPoints).toEqual(['repos/ts/src/handler.ts']);
    expect(agents.some((a) => a.unit.path === 'repos/ts/src/handler.ts')).toBe(false);
  });

  it('links a Terraform schedule in one file to the Lambda in another and to the code it runs', async () => {
    write('infra/lambda.tf', 'resource "aws_lambda_function" "digest" {\n  function_name = "nightly-digest"\n  handler = "digest.handler"\n  runtime = "python3.12"\n  filename = "../src/digest.zip"\n}\n');
    write('infra/events.tf', 'resource "aws_cloudwatch_event_rule" "nightly" {\n  schedule_expression = "cron(0 3 * * ? *)"\n}\nresource "aws_cloudwatch_event_target" "t" {\n  rule = aws_cloudwatch_event_rule.nightly.name\n  arn = aws_lambda_function.digest.arn\n}\n');
    write('src/digest.py', 'from anthropic import Anthropic\nclient = Anthropic()\ndef handler(event, context):\n    return client.messages.create(model="claude-sonnet-4-5", max_tokens=500, messages=[])\n');
    const { agents } = await scanFolder(tree.root(), { pool: tree.pool, fingerprintKey: TEST_FINGERPRINT_KEY });
    expect(agents).toHaveLength(1);
    expect(agents[0]).toMatchObject({ name: 'nightly-digest', unit: { kind: 'serverless-function' }, trigger: { kind: 'cron', schedule: 'cron(0 3 * * ? *)' }, codeFiles: ['src/digest.py'] });
  });

  it('a workflow on issue comments running an agent script gives that agent the comments as untrusted input, with the issues its code reads, once each', async () => {
    write('.github/workflows/issue-agent.yml', 'name: Issue agent\non:\n  issue_comment:\n    types: [created]\njobs:\n  answer:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: python agents/answer_issue.py\n      - run: python agents/answer_issue.py --dry-run\n');
    write('agents/answer_issue.py', 'import os\nfrom anthropic import Anthropic\nfrom agents.github_reader import thread\nclient = Anthropic()\nif __name__ == "__main__":\n    client.messages.create(model="claude-sonnet-4-5", max_tokens=500, messages=[{"role": "user", "content": thread(int(os.environ["ISSUE"]))}])\n');
    write('agents/github_reader.py', 'import os\nfrom github import Github\nrepo = Github(os.environ["GITHUB_TOKEN"]).get_repo("northwind/pay")\ndef thread(number):\n    return "\\n".join(c.body for c in repo.get_issue(number).get_comments())\n');
    write('tools/nightly.py', 'from openai import OpenAI\nif __name__ == "__main__":\n    OpenAI().responses.create(model="gpt-4.1", input="summarise yesterday")\n');
    const { agents } = await scanFolder(tree.root(), { pool: tree.pool, fingerprintKey: TEST_FINGERPRINT_KEY });
    const agent = agents.find((a) => a.name === 'Issue agent/answer')!;
    expect(agent.untrustedInputs!.map((input) => [input.kind, input.detail, input.evidence.path])).toEqual([
      ['code-comment', 'on: issue_comment (issue and pull request comments)', '.github/workflows/issue-agent.yml'],
      ['code-comment', 'github.Github().get_repo(northwind/pay).get_issue', 'agents/github_reader.py'],
      ['code-comment', 'github.Github().get_repo(northwind/pay).get_issue().get_comments', 'agents/github_reader.py'],
    ]);
    expect(agents.find((a) => a.unit.path === 'tools/nightly.py')!.untrustedInputs).toEqual([]);
  });

  it('in a folder of many repositories, each config links the code of its own repository', async () => {
    for (const service of ['billing', 'support']) {
      write(`${service}/k8s/cronjob.yaml`, `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ${service}-agent\nspec:\n  schedule: "0 6 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: a\n              image: x\n              command: ["python", "-m", "agent.main"]\n`);
      write(`${service}/agent/main.py`, `from openai import OpenAI\nfrom agent.tools import run\nclient = OpenAI()\nif __name__ == "__main__":\n    run(client)\n`);
      write(`${service}/agent/tools.py`, service === 'billing' ? 'import subprocess\ndef run(c):\n    subprocess.run(["ls"])\n' : 'def run(c):\n    return c\n');
    }
    const { agents } = await scanFolder(tree.root(), { pool: tree.pool, fingerprintKey: TEST_FINGERPRINT_KEY });
    const byName = Object.fromEntries(agents.map((a) => [a.name, a]));
    expect(Object.keys(byName).sort()).toEqual(['billing-agent', 'support-agent']);
    expect(byName['billing-agent']!.codeFiles.sort()).toEqual(['billing/agent/main.py', 'billing/agent/tools.py']);
    expect(byName['support-agent']!.codeFiles.sort()).toEqual(['support/agent/main.py', 'support/agent/tools.py']);
    expect(byName['billing-agent']!.capabilities.map((c) => c.kind)).toContain('shell-exec');
    expect(byName['support-agent']!.capabilities.map((c) => c.kind)).not.toContain('shell-exec');
  });

  it('analyses in full the code a unit runs without LLM signal, however it reaches it: imports up to the entry, down to the helpers, and through a test helper', async () => {
    // The entry script and the payment helper import no LLM SDK: only a full analysis sees the
    // refund and the Stripe key. main.py reaches the agent three imports up from a helper.
    write('ops/main.py', 'import os\nimport stripe\nfrom ops.runner import start\nstripe.api_key = os.environ["STRIPE_SECRET_KEY"]\nif __name__ == "__main__":\n    start()\n');
    write('ops/runner.py', 'from ops.wiring import build\ndef start():\n    build().invoke({})\n');
    write('ops/wiring.py', 'from ops.agent import graph\nfrom ops.payments import refund\ndef build():\n    return graph\n');
    write('ops/agent.py', 'from langgraph.prebuilt import create_react_agent\nfrom langchain_openai import ChatOpenAI\ngraph = create_react_agent(ChatOpenAI(model="gpt-4.1"), tools=[])\n');
    write('ops/payments.py', 'import stripe\ndef refund(charge):\n    return stripe.Refund.create(charge=charge)\n');
    // A script reaching its agent only through a test helper: what imports a test file is not
    // followed up from the agent, so only the check after linking finds the script to analyse.
    write('tools/replay.py', 'import os\nimport subprocess\nfrom tests.fixtures.replay_agent import replay\nif __name__ == "__main__":\n    subprocess.run(["git", "fetch"])\n    replay(os.environ["REPLAY_TOKEN"])\n');
    write('tests/fixtures/replay_agent.py', 'from replaylib.agent import replay\n');
    write('replaylib/agent.py', 'from openai import OpenAI\ndef replay(token):\n    return OpenAI().responses.create(model="gpt-4.1", input=token)\n');
    const { agents } = await scanFolder(tree.root(), { pool: tree.pool, fingerprintKey: TEST_FINGERPRINT_KEY });
    const ops = agents.find((a) => a.unit.path === 'ops/main.py')!;
    expect(ops.codeFiles.sort()).toEqual(['ops/agent.py', 'ops/main.py', 'ops/payments.py', 'ops/runner.py', 'ops/wiring.py']);
    expect(ops.capabilities.map((c) => c.evidence.path)).toContain('ops/payments.py');
    expect(ops.credentials.map((c) => c.name)).toContain('STRIPE_SECRET_KEY');
    const replay = agents.find((a) => a.unit.path === 'tools/replay.py')!;
    expect(replay.capabilities.map((c) => [c.kind, c.evidence.path])).toContainEqual(['shell-exec', 'tools/replay.py']);
    expect(replay.credentials.map((c) => c.name)).toContain('REPLAY_TOKEN');
  });

  it('the web routes that run one agent are one item with each route an entry point; a route calling a model itself, or another agent, stays its own', async () => {
    // The vjitra58/nextjs-mastra shape: three route handlers and a server action, each getting the one registered agent.
    write('package.json', '{ "name": "weather-desk", "dependencies": { "next": "15.1.0", "@mastra/core": "0.10.0", "@ai-sdk/google": "1.2.0", "ai": "4.3.0" } }');
    write('src/mastra/agents/weather-agent.ts', "import { Agent } from '@mastra/core/agent';\nimport { google } from '@ai-sdk/google';\nexport const weatherAgent = new Agent({ name: 'Weather Agent', instructions: 'Answer weather questions.', model: google('gemini-1.5-flash') });\n");
    write('src/mastra/agents/payout-agent.ts', "import { Agent } from '@mastra/core/agent';\nimport { google } from '@ai-sdk/google';\nexport const payoutAgent = new Agent({ name: 'Payout Agent', instructions: 'Explain payouts.', model: google('gemini-1.5-pro') });\n");
    write('src/mastra/index.ts', "import { Mastra } from '@mastra/core/mastra';\nimport { weatherAgent } from './agents/weather-agent';\nexport const mastra = new Mastra({ agents: { weatherAgent } });\n");
    const route = (body: string) => `import { NextRequest, NextResponse } from 'next/server';\nimport { mastra } from '@/mastra';\nexport async function POST(request: NextRequest) {\n  const { message } = await request.json();\n  ${body}\n}\n`;
    write('src/app/api/weather/route.ts', route("const result = await mastra.getAgent('weatherAgent').generate(message, { maxSteps: 3 });\n  return NextResponse.json({ text: result.text });"));
    write('src/app/api/weather-stream/route.ts', route("const stream = await mastra.getAgent('weatherAgent').stream(message);\n  return stream.toDataStreamResponse();"));
    write('src/app/actions/weather.ts', "'use server';\nimport { mastra } from '@/mastra';\nexport async function askWeather(city: string) {\n  return (await mastra.getAgent('weatherAgent').generate(`Weather in ${city}?`)).text;\n}\n");
    write('src/app/api/payouts/route.ts', "import { NextResponse } from 'next/server';\nimport { payoutAgent } from '@/mastra/agents/payout-agent';\nexport async function POST(request: Request) {\n  const { question } = await request.json();\n  return NextResponse.json({ text: (await payoutAgent.generate(question)).text });\n}\n");
    write('src/app/api/summary/route.ts', "import { streamText } from 'ai';\nimport { google } from '@ai-sdk/google';\nimport { mastra } from '@/mastra';\nexport async function POST(request: Request) {\n  const { notes } = await request.json();\n  void mastra;\n  return streamText({ model: google('gemini-1.5-flash'), prompt: notes }).toDataStreamResponse();\n}\n");
    const { agents } = await scanFolder(tree.root(), { pool: tree.pool, fingerprintKey: TEST_FINGERPRINT_KEY });
    const units = Object.fromEntries(agents.map((a) => [a.unit.path, a.entryPoints]));
    expect(units).toEqual({
      'src/app/actions/weather.ts': ['src/app/actions/weather.ts', 'src/app/api/weather/route.ts', 'src/app/api/weather-stream/route.ts'],
      'src/app/api/payouts/route.ts': ['src/app/api/payouts/route.ts'],
      'src/app/api/summary/route.ts': ['src/app/api/summary/route.ts'],
    });
  });

  it('Temporal workflows and activities a worker registers are that worker\'s code, not items of their own, and a script starting the workflow is its caller; a task module nothing else runs stays one', async () => {
    // temporalio/ai-cookbook's agentic loop: worker.py registers the workflow and the activity that calls the model.
    write('loop/pyproject.toml', '[project]\nname = "agentic-loop"\ndependencies = ["temporalio>=1.9", "openai>=1.50"]\n');
    write('loop/workflows/agent.py', 'from datetime import timedelta\nfrom temporalio import workflow\n\nwith workflow.unsafe.imports_passed_through():\n    from activities import openai_responses\n\n@workflow.defn\nclass AgentWorkflow:\n    @workflow.run\n    async def run(self, query: str) -> str:\n        return await workflow.execute_activity(openai_responses.create, query, start_to_close_timeout=timedelta(seconds=60))\n');
    write('loop/activities/openai_responses.py', 'from openai import AsyncOpenAI\nfrom temporalio import activity\n\nclient = AsyncOpenAI()\n\n@activity.defn\nasync def create(query: str) -> str:\n    response = await client.responses.create(model="gpt-4o-mini", input=query, tools=[{"type": "web_search_preview"}])\n    return response.output_text\n');
    write('loop/worker.py', 'import asyncio\nfrom temporalio.client import Client\nfrom temporalio.worker import Worker\nfrom workflows.agent import AgentWorkflow\nfrom activities import openai_responses\n\nasync def main():\n    client = await Client.connect("localhost:7233")\n    worker = Worker(client, task_queue="agent-queue", workflows=[AgentWorkflow], activities=[openai_responses.create])\n    await worker.run()\n\nif __name__ == "__main__":\n    asyncio.run(main())\n');
    write('loop/start_workflow.py', 'import asyncio\nimport sys\nimport uuid\nfrom temporalio.client import Client\nfrom workflows.agent import AgentWorkflow\n\nasync def main():\n    client = await Client.connect("localhost:7233")\n    result = await client.execute_workflow(AgentWorkflow.run, sys.argv[1], id=f"agent-{uuid.uuid4()}", task_queue="agent-queue")\n    print(result)\n\nif __name__ == "__main__":\n    asyncio.run(main())\n');
    // A Celery task module with no worker script beside it: started by `celery -A digest worker` somewhere unseen.
    write('digest/pyproject.toml', '[project]\nname = "digest"\n');
    write('digest/digest.py', 'from celery import Celery\nfrom anthropic import Anthropic\n\napp = Celery("digest", broker="redis://localhost:6379/0")\n\n@app.task\ndef summarise(text: str) -> str:\n    return Anthropic().messages.create(model="claude-3-5-haiku-latest", max_tokens=400, messages=[{"role": "user", "content": text}]).content[0].text\n');
    const { agents } = await scanFolder(tree.root(), { pool: tree.pool, fingerprintKey: TEST_FINGERPRINT_KEY });
    const byPath = Object.fromEntries(agents.map((a) => [a.unit.path, a]));
    expect(Object.keys(byPath).sort()).toEqual(['digest/digest.py', 'loop/start_workflow.py', 'loop/worker.py']);
    // The script that only executes the workflow is its caller: the workflow runs in the worker.
    expect(byPath['loop/start_workflow.py']).toMatchObject({ classification: 'remote-caller', codeFiles: ['loop/start_workflow.py'], remoteAgent: { platform: 'temporal', name: 'AgentWorkflow' } });
    expect(byPath['loop/worker.py']!.classification).toBe('agent');
    expect(byPath['loop/start_workflow.py']!.links).toEqual([expect.objectContaining({ identityKey: byPath['loop/worker.py']!.identityKey, relation: 'remote-agent' })]);
    expect(byPath['loop/worker.py']!.links).toEqual([expect.objectContaining({ identityKey: byPath['loop/start_workflow.py']!.identityKey, relation: 'caller' })]);
    expect(byPath['loop/worker.py']!.codeFiles).toEqual(expect.arrayContaining(['loop/workflows/agent.py', 'loop/activities/openai_responses.py']));
    expect(byPath['loop/worker.py']!.llm.map((use) => use.provider)).toEqual(['openai']);
  });

  it('an MCP config does not inherit the packages locked for the code beside it', async () => {
    write('requirements.txt', 'langchain==0.0.200\n');
    write('app.py', 'from langchain.agents import initialize_agent\nfrom langchain_openai import ChatOpenAI\nif __name__ == "__main__":\n    initialize_agent([], ChatOpenAI())\n');
    write('.cursor/mcp.json', JSON.stringify({ mcpServers: { fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '.'] } } }));
    const { agents } = await scanFolder(tree.root(), { pool: tree.pool, fingerprintKey: TEST_FINGERPRINT_KEY });
    expect(agents.find((a) => a.unit.kind === 'mcp-config')?.packages).toEqual([]);
    expect(agents.find((a) => a.unit.kind === 'code-entry-point')?.packages.map((p) => p.name)).toEqual(['langchain']);
  });

  it('gives the credentials of a .env or terraform.tfvars to the units at or below its folder, the nearest file winning', async () => {
    write('.gitignore', '.env\n');
    write('.env', `OPENAI_API_KEY=sk-proj-${'Rt4y'.repeat(12)}Q7zX\n`);
    write('app.py', 'from openai import OpenAI\nif __name__ == "__main__":\n    OpenAI().responses.create(model="gpt-4.1", input="hi")\n');
    write('services/billing/.env', 'BILLING_DB_PASSWORD=Gannet-Reef-Swell-19\n');
    write('services/billing/main.py', 'from anthropic import Anthropic\nif __name__ == "__main__":\n    Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=9, messages=[])\n');
    write('infra/terraform.tfvars', 'digest_api_token = "Kestrel-Moor-Dune-58"\n');
    write('infra/lambda.tf', 'resource "aws_lambda_function" "digest" {\n  function_name = "nightly-digest"\n  handler = "digest.handler"\n  runtime = "python3.12"\n  filename = "../src/digest.zip"\n}\n');
    write('src/digest.py', 'from anthropic import Anthropic\nclient = Anthropic()\ndef handler(event, context):\n    return client.messages.create(model="claude-sonnet-4-5", max_tokens=500, messages=[])\n');
    write('.cursor/mcp.json', JSON.stringify({ mcpServers: { fs: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem', '.'] } } }));
    const { agents } = await scanFolder(tree.root(), { pool: tree.pool, fingerprintKey: TEST_FINGERPRINT_KEY });
    const credentialsOf = (name: string) => agents.find((a) => a.name === name)!.credentials.map((c) => `${c.kind} ${c.name.replace(/ #[0-9a-f]{6}$/, '')} ${c.evidence.path}`);
    expect(credentialsOf('app')).toEqual(['hardcoded-secret openai key sk-proj-… (60 chars) .env', 'env-var OPENAI_API_KEY .env']);
    expect(credentialsOf('services/billing')).toEqual(['hardcoded-secret BILLING_DB_PASSWORD services/billing/.env', 'env-var BILLING_DB_PASSWORD services/billing/.env']);
    // The Lambda's config is in infra/, beside its tfvars; its code is under src/, below the root's .env.
    expect(credentialsOf('nightly-digest')).toEqual([
      'hardcoded-secret digest_api_token infra/terraform.tfvars',
      'env-var digest_api_token infra/terraform.tfvars',
      'hardcoded-secret openai key sk-proj-… (60 chars) .env',
      'env-var OPENAI_API_KEY .env',
    ]);
    expect(agents.find((a) => a.unit.kind === 'mcp-config')!.credentials).toEqual([]);
  });

  it('survives hostile trees: links out of the root, binaries, invalid UTF-8, malformed and deeply nested configs', async () => {
    write('agent.py', 'from openai import OpenAI\nclient = OpenAI()\nif __name__ == "__main__":\n    client.chat.completions.create(model="gpt-4o", messages=[])\n');
    write('blob.py', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    write('latin1.py', Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('\nimport anthropic\n')]));
    write('.github/workflows/broken.yml', 'on: [push\njobs: {');
    write('deep.json', `${'{"mcpServers":'.repeat(1)}${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
    write('k8s/loop.yaml', 'a: &a [*a, *a]\n');
    mkdirSync(join(tree.dir, 'outside'));
    writeFileSync(join(tree.dir, 'outside', 'secret.py'), 'from openai import OpenAI\nOpenAI()\n');
    symlinkSync(join(tree.dir, 'outside'), join(tree.dir, 'repo', 'linked-out'));
    symlinkSync(tree.root(), join(tree.dir, 'repo', 'loop'));
    const scan = await scanFolder(tree.root(), { pool: tree.pool, fingerprintKey: TEST_FINGERPRINT_KEY });
    expect(scan.agents.map((a) => a.unit.path)).toEqual(['agent.py']);
    expect(scan.counters.skippedLinks).toBeGreaterThanOrEqual(2);
    expect(scan.counters.skippedBinary).toBeGreaterThanOrEqual(1);
    expect(scan.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['.github/workflows/broken.yml']));
  });
});

describe('where files are analysed', () => {
  it('a folder of a few small files is analysed without starting a thread, with the same findings a thread gives', async () => {
    write('.github/workflows/digest.yml', 'name: Digest\non:\n  schedule:\n    - cron: "0 6 * * 1"\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python digest/main.py\n');
    write('digest/main.py', 'from digest.tools import post\nfrom anthropic import Anthropic\nif __name__ == "__main__":\n    post(Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=500, messages=[]))\n');
    write('digest/tools.py', 'import requests\ndef post(text):\n    requests.post("https://hooks.slack.com/services/T0/B0/x", json={"text": str(text)})\n');
    const here = new AnalyzerPool(new Set(), TEST_FINGERPRINT_KEY, { size: 2 });
    const threaded = new AnalyzerPool(new Set(), TEST_FINGERPRINT_KEY, { size: 2, inline: false });
    try {
      const onThisThread = await scanFolder(tree.root(), { pool: here, fingerprintKey: TEST_FINGERPRINT_KEY });
      const onAThread = await scanFolder(tree.root(), { pool: threaded, fingerprintKey: TEST_FINGERPRINT_KEY });
      expect(here.threads).toBe(0);
      expect(threaded.threads).toBeGreaterThan(0);
      expect(onThisThread.agents.map((a) => [a.name, a.trigger.kind, a.codeFiles.sort()])).toEqual([['Digest/run', 'cron', ['digest/main.py', 'digest/tools.py']]]);
      expect(onThisThread).toEqual(onAThread);
    } finally {
      await Promise.all([here.close(), threaded.close()]);
    }
  });
});

describe('how the analyzer threads share the work', () => {
  it('batches handed over together (a deepening pass) start and use every thread, not the first idle one alone', async () => {
    for (let i = 0; i < 8; i++) write(`pkg/helper_${i}.py`, `import json\ndef helper_${i}(x):\n    return json.dumps(x)\n`);
    const pool = new AnalyzerPool(new Set(), TEST_FINGERPRINT_KEY, { size: 2, inline: false });
    try {
      const batches = Array.from({ length: 4 }, (_, i) => [0, 1].map((j) => ({ relPath: `pkg/helper_${i * 2 + j}.py`, absPath: join(tree.root(), 'pkg', `helper_${i * 2 + j}.py`), kind: 'code' as const, full: true })));
      const results = await Promise.all(batches.map((files) => pool.analyze(files)));
      expect(pool.threads).toBe(2);
      expect(results.flat().map((r) => r.findings[0]?.path)).toEqual(batches.flat().map((f) => f.relPath));
    } finally {
      await pool.close();
    }
  });
});

describe('secrets never leave the scan in clear', () => {
  it('masks passwords of connection URLs with an empty user, slashes or @ in them, in every fact', async () => {
    const passwords = ['hunter2secretXYZ', 'ab/cd+ef99Q', 'p@ss@word1'];
    write(
      'docker-compose.yml',
      `services:\n  agent:\n    image: registry.example/agent:1\n    command: python worker.py\n    environment:\n      REDIS_URL: redis://:${passwords[0]}@cache:6379/0\n      DATABASE_URL: postgres://app:${passwords[1]}@db:5432/x\n      BROKER_URL: amqp://svc:${passwords[2]}@mq:5672\n`,
    );
    write('worker.py', 'from openai import OpenAI\nclient = OpenAI()\nif __name__ == "__main__":\n    client.chat.completions.create(model="gpt-4o", messages=[])\n');
    const scan = await scanFolder(tree.root(), { pool: tree.pool, fingerprintKey: TEST_FINGERPRINT_KEY });
    expect(scan.agents).toHaveLength(1);
    const everything = JSON.stringify(scan);
    for (const password of passwords) expect(everything).not.toContain(password);
    expect(everything).toContain('cache:6379');
  });
});
