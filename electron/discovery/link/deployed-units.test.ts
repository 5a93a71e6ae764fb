import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { scanTreeFixture } from '../scan/test-scan-tree';

/**
 * What a reviewer sees for deployments, copies of them, tests and MCP servers: the real scanner
 * over small trees written like real repositories.
 */

const tree = scanTreeFixture('atw-deployed-');
const write = tree.write;
async function scan(): Promise<DiscoveredAgent[]> {
  return (await tree.scan()).agents;
}

const items = (agents: DiscoveredAgent[]) => agents.map((a) => `${a.classification} ${a.unit.kind} ${a.unit.path} ${a.unit.name}`).sort();
const linksOf = (agent: DiscoveredAgent | undefined) => (agent?.links ?? []).map((l) => `${l.relation} ${l.name}`).sort();

const AGENT_SCRIPT = 'import anthropic\nclient = anthropic.Anthropic()\nTOOLS = [{"name": "label", "description": "Label it", "input_schema": {"type": "object"}}]\nif __name__ == "__main__":\n    client.messages.create(model="claude-sonnet-4-5", max_tokens=500, tools=TOOLS, messages=[])\n';
const workflow = (name: string, run: string) =>
  `name: ${name}\non:\n  issues:\n    types: [opened]\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n        env:\n          ANTHROPIC_API_KEY: \${{ secrets.ANTHROPIC_API_KEY }}\n`;

describe('workflows GitHub would not run', () => {
  it('one agent for the deployed workflow; copies beside it, in tests/ and in templates/ are not reported, a look-alike in docs/ is an example', async () => {
    write('scripts/triage.py', AGENT_SCRIPT);
    write('.github/workflows/triage.yml', workflow('Triage', 'python scripts/triage.py'));
    write('.github/workflows/triage.test.yml', workflow('Triage', 'python scripts/triage.py'));
    write('tests/fixtures/.github/workflows/triage.yml', workflow('Triage', 'python scripts/triage.py'));
    write('templates/starter/.github/workflows/triage.yml', workflow('Triage', 'python scripts/triage.py'));
    write('.github/workflows/old/triage.yml', workflow('Old triage', 'python scripts/triage.py'));
    // Runs code of no file in the tree: not a copy of anything, so it stays, as an example.
    write('docs/ci/triage-example.yml', workflow('Triage (example)', 'pip install northwind-triage && northwind-triage'));
    expect(items(await scan())).toEqual(['agent ci-job .github/workflows/triage.yml Triage/triage', 'example ci-job docs/ci/triage-example.yml Triage (example)/triage']);
  });

  it("a nested repository's own workflows are deployed", async () => {
    write('services/digest/digest.py', AGENT_SCRIPT);
    write('services/digest/.github/workflows/digest.yml', workflow('Digest', 'python digest.py'));
    write('examples/bot/.github/workflows/bot.yml', workflow('Bot', 'pip install x && x-bot'));
    expect(items(await scan())).toEqual(['agent ci-job services/digest/.github/workflows/digest.yml Digest/triage', 'example ci-job examples/bot/.github/workflows/bot.yml Bot/triage']);
  });

  it('two deployed workflows running the same script on different triggers stay two agents', async () => {
    write('scripts/triage.py', AGENT_SCRIPT);
    write('.github/workflows/triage.yml', workflow('Triage', 'python scripts/triage.py'));
    write('.github/workflows/nightly.yml', workflow('Triage', 'python scripts/triage.py').replace('issues:\n    types: [opened]', 'schedule:\n    - cron: "0 3 * * *"'));
    expect((await scan()).filter((a) => a.classification === 'agent').map((a) => a.unit.path).sort()).toEqual(['.github/workflows/nightly.yml', '.github/workflows/triage.yml']);
  });
});

describe('test code is never an entry point', () => {
  it('tests, conftest.py and fixtures with LLM code and main guards yield no item; the job that runs them is an example', async () => {
    write('tests/test_agent.py', AGENT_SCRIPT);
    write('tests/conftest.py', 'import pytest\nfrom openai import OpenAI\n@pytest.fixture\ndef judge():\n    return OpenAI().chat.completions.create(model="gpt-4.1-mini", messages=[])\n');
    write('tests/fixtures/agent_fixture.py', AGENT_SCRIPT);
    write('src/__tests__/agent.spec.ts', "import OpenAI from 'openai';\nconst openai = new OpenAI();\nawait openai.chat.completions.create({ model: 'gpt-4.1', messages: [] });\n");
    write('src/review.int.test.ts', "import OpenAI from 'openai';\nexport async function handler() { return new OpenAI().chat.completions.create({ model: 'gpt-4.1', messages: [] }); }\n");
    write('.github/workflows/ci.yml', 'name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest -q tests\n        env:\n          OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n');
    expect(items(await scan())).toEqual(['example ci-job .github/workflows/ci.yml CI/test']);
  });

  it('an agent module that only a test imports is reported at the module, not at the test', async () => {
    write('src/support_agent.py', 'from langchain_openai import ChatOpenAI\nfrom langgraph.prebuilt import create_react_agent\nagent = create_react_agent(ChatOpenAI(model="gpt-4.1"), [])\n');
    write('tests/test_support_agent.py', 'from src.support_agent import agent\n\ndef test_agent():\n    assert agent.invoke({"messages": []})\n\nif __name__ == "__main__":\n    test_agent()\n');
    expect(items(await scan())).toEqual(['agent code-entry-point src/support_agent.py src/support_agent.py']);
  });

  it('a test that renders a client component is not a page starting browser agents', async () => {
    write('src/agents/triage.ts', "import { RealtimeAgent } from '@openai/agents/realtime';\nexport const triage = new RealtimeAgent({ name: 'triage', instructions: 'Route the caller.' });\n");
    write('src/__tests__/Chat.test.tsx', "'use client';\nimport { RealtimeSession } from '@openai/agents/realtime';\nimport { triage } from '../agents/triage';\nexport default function Chat() {\n  void new RealtimeSession(triage).connect({ apiKey: 'ek_test' });\n  return null;\n}\n");
    expect(items(await scan()).filter((item) => item.includes('browser-agent') || item.includes('__tests__'))).toEqual([]);
  });

  it('a job that runs a test file is not the agent that file exercises', async () => {
    write('agent/main.py', AGENT_SCRIPT);
    write('tests/test_main.py', 'from agent import main\n\ndef test_main():\n    assert main.client\n');
    write('.github/workflows/ci.yml', 'name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m pytest tests/test_main.py\n');
    expect(items(await scan())).toEqual(['agent code-entry-point agent/main.py agent/main.py']);
  });
});

describe('compose services and their images', () => {
  const graph = 'from langchain_openai import ChatOpenAI\nfrom langgraph.prebuilt import create_react_agent\ngraph = create_react_agent(ChatOpenAI(model="gpt-4.1"), [])\n';
  const server = 'from fastapi import FastAPI\nfrom app.graph import graph\napp = FastAPI()\n@app.post("/ask")\nasync def ask(q: str):\n    return await graph.ainvoke({"messages": [("user", q)]})\n';

  it("a service that builds an image and names no command runs its Dockerfile's CMD: one item for that code", async () => {
    write('svc/app/__init__.py', '');
    write('svc/app/graph.py', graph);
    write('svc/app/server.py', server);
    write('svc/Dockerfile', 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nCMD ["uvicorn", "app.server:app", "--host", "0.0.0.0"]\n');
    write('docker-compose.yml', 'services:\n  support:\n    build: ./svc\n    ports: ["8000:8000"]\n    environment:\n      OPENAI_API_KEY: ${OPENAI_API_KEY}\n');
    const agents = await scan();
    expect(items(agents)).toEqual(['agent container-service docker-compose.yml support']);
    expect(agents[0]!.entryPoints).toEqual(['svc/app/server.py']);
  });

  it('dev servers are examples, and a dev copy of the real service is not reported', async () => {
    write('svc/app/__init__.py', '');
    write('svc/app/graph.py', graph);
    write('svc/app/server.py', server);
    write('svc/app/ui.py', 'import chainlit as cl\nfrom app.graph import graph\n@cl.on_message\nasync def on_message(m):\n    await graph.ainvoke({"messages": [("user", m.content)]})\n');
    write('docker-compose.yml', 'services:\n  support:\n    build: ./svc\n    command: uvicorn app.server:app --host 0.0.0.0\n  studio:\n    build: ./svc\n    command: langgraph dev --host 0.0.0.0\n    environment:\n      OPENAI_API_KEY: ${OPENAI_API_KEY}\n  ui:\n    build: ./svc\n    command: chainlit run app/ui.py -w\n');
    write('docker-compose.dev.yml', 'services:\n  support:\n    build: ./svc\n    command: uvicorn app.server:app --reload\n');
    expect(items(await scan())).toEqual([
      'agent container-service docker-compose.yml support',
      'example container-service docker-compose.yml studio',
      'example container-service docker-compose.yml ui',
    ]);
  });

  it('a Kubernetes Deployment running an image named like a folder with a Dockerfile runs that Dockerfile\'s command', async () => {
    write('support-agent/app/__init__.py', '');
    write('support-agent/app/graph.py', graph);
    write('support-agent/app/server.py', server);
    write('support-agent/Dockerfile', 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nCMD ["uvicorn", "app.server:app"]\n');
    write('k8s/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: support-agent\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/northwind/support-agent:2.1.0\n          env:\n            - name: OPENAI_API_KEY\n              valueFrom: { secretKeyRef: { name: openai, key: key } }\n        - name: cache\n          image: redis:7\n');
    const agents = await scan();
    expect(items(agents)).toEqual(['agent k8s-deployment k8s/deployment.yaml support-agent']);
    expect(agents[0]!.entryPoints).toEqual(['support-agent/app/server.py']);
  });

  it('a build context without a Dockerfile, or a Dockerfile without a command, leaves the service as before', async () => {
    write('svc/main.py', AGENT_SCRIPT);
    write('other/Dockerfile', 'FROM python:3.12\nCOPY . .\n');
    write('docker-compose.yml', 'services:\n  a:\n    build: ./svc\n    environment:\n      ANTHROPIC_API_KEY: x\n  b:\n    build: ./other\n');
    expect(items(await scan())).toEqual(['agent code-entry-point svc/main.py svc/main.py', 'agent container-service docker-compose.yml a']);
  });
});

describe('Celery beat and Flower beside the worker', () => {
  // The agent-platform shape: one image for the worker, beat and Flower, the keys in every service's environment.
  const celeryApp = 'from celery import Celery\nfrom celery.schedules import crontab\napp = Celery("platform", broker="redis://redis:6379/0", include=["scheduler.tasks"])\napp.conf.beat_schedule = {\n    "score-leads-daily": {"task": "scheduler.tasks.score_leads", "schedule": crontab(hour=6, minute=0)},\n}\n';
  const tasks = 'from openai import OpenAI\nfrom scheduler.celery_app import app\n@app.task\ndef score_leads():\n    return OpenAI().chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": "score"}])\n';
  const writeScheduler = () => {
    write('scheduler/__init__.py', '');
    write('scheduler/celery_app.py', celeryApp);
    write('scheduler/tasks.py', tasks);
    write('scheduler/Dockerfile', 'FROM python:3.12-slim\nWORKDIR /app\nCOPY scheduler/ scheduler/\nCMD ["celery", "-A", "scheduler.celery_app", "worker", "--loglevel=info"]\n');
  };

  it('a compose beat or Flower service is no item, whatever keys it holds; the worker and the beat entry are', async () => {
    writeScheduler();
    write('scheduler/beat.Dockerfile', 'FROM python:3.12-slim\nWORKDIR /app\nCOPY scheduler/ scheduler/\nCMD celery -A scheduler.celery_app beat --loglevel=info\n');
    write(
      'docker-compose.yml',
      'x-env: &env\n  REDIS_URL: redis://redis:6379/0\n  OPENAI_API_KEY: ${OPENAI_API_KEY:-}\nservices:\n  redis:\n    image: redis:7-alpine\n' +
        '  celery_worker:\n    build: {context: ., dockerfile: scheduler/Dockerfile}\n    environment: *env\n' +
        '  celery_beat:\n    build: {context: ., dockerfile: scheduler/Dockerfile}\n    environment: *env\n    command: celery -A scheduler.celery_app beat --loglevel=info\n' +
        '  beat_image:\n    build: {context: ., dockerfile: scheduler/beat.Dockerfile}\n    environment: *env\n' +
        '  flower:\n    build: {context: ., dockerfile: scheduler/Dockerfile}\n    environment: *env\n    command: celery -A scheduler.celery_app flower --port=5555\n    ports: ["5555:5555"]\n',
    );
    expect(items(await scan())).toEqual(['agent container-service docker-compose.yml celery_worker', 'agent scheduled-task scheduler/celery_app.py score-leads-daily']);
  });

  it("a worker runs the task modules its app includes; a web process importing the app to send tasks does not", async () => {
    writeScheduler();
    write('web/__init__.py', '');
    write('web/app.py', 'from fastapi import FastAPI\nfrom scheduler.celery_app import app as celery\napi = FastAPI()\n@api.post("/leads/score")\ndef score():\n    return {"id": celery.send_task("scheduler.tasks.score_leads").id}\n');
    write('Procfile', 'web: uvicorn web.app:api --port $PORT\nworker: celery -A scheduler.celery_app worker --loglevel=info\n');
    const agents = await scan();
    expect(items(agents)).toEqual(['agent container-service Procfile worker', 'agent scheduled-task scheduler/celery_app.py score-leads-daily']);
    expect(agents.find((a) => a.unit.name === 'worker')!.codeFiles.sort()).toEqual(['scheduler/celery_app.py', 'scheduler/tasks.py']);
  });

  it('nor is a Procfile beat process (tasks in the app module itself) or a Kubernetes Deployment running beat', async () => {
    write('digest/__init__.py', '');
    write('digest/worker.py', 'from celery import Celery\nfrom openai import OpenAI\napp = Celery("digest", broker="redis://localhost:6379/0")\napp.conf.beat_schedule = {"weekly-digest": {"task": "digest.worker.send_digest", "schedule": 604800.0}}\n@app.task\ndef send_digest():\n    return OpenAI().chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": "digest"}])\n');
    write('Procfile', 'web: gunicorn digest.web:app\nworker: celery -A digest.worker worker --loglevel=info\nbeat: celery -A digest.worker beat --loglevel=info\n');
    write('k8s/beat.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: digest-beat\nspec:\n  template:\n    spec:\n      containers:\n        - name: beat\n          image: ghcr.io/northwind/digest:1.4.0\n          command: ["celery", "-A", "digest.worker", "beat", "--loglevel=info"]\n          env:\n            - name: OPENAI_API_KEY\n              valueFrom: { secretKeyRef: { name: openai, key: key } }\n');
    expect(items(await scan())).toEqual(['agent container-service Procfile worker', 'agent scheduled-task digest/worker.py weekly-digest']);
  });
});

describe('MCP servers', () => {
  const fastmcp = 'import psycopg\nfrom mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("ledger")\n\n@mcp.tool()\ndef balance(account: str) -> str:\n    """Balance of an account."""\n    return psycopg.connect("").execute("SELECT balance FROM accounts WHERE id = %s", (account,)).fetchone()\n\nif __name__ == "__main__":\n    mcp.run()\n';

  it('a FastMCP server is one mcp-server item with its tools, linked to the client config and the agent that launch it', async () => {
    write('servers/ledger.py', fastmcp);
    write('.mcp.json', '{"mcpServers": {"ledger": {"command": "uv", "args": ["run", "servers/ledger.py"]}, "fetch": {"command": "uvx", "args": ["mcp-server-fetch"]}}}');
    write('agent/run.py', 'import asyncio\nfrom agents import Agent, Runner\nfrom agents.mcp import MCPServerStdio\nasync def main():\n    async with MCPServerStdio(params={"command": "python", "args": ["servers/ledger.py"]}) as s:\n        await Runner.run(Agent(name="r", mcp_servers=[s]), "go")\nif __name__ == "__main__":\n    asyncio.run(main())\n');
    const agents = await scan();
    expect(items(agents)).toEqual(['agent code-entry-point agent/run.py agent/run.py', 'agent mcp-config .mcp.json Claude Code', 'mcp-server mcp-server servers/ledger.py ledger']);
    const server = agents.find((a) => a.classification === 'mcp-server')!;
    expect(server.tools.map((t) => [t.name, t.description, t.capabilities])).toEqual([['balance', 'Balance of an account.', ['data-read']]]);
    expect(linksOf(server)).toEqual(['mcp-client Claude Code', 'mcp-client run']);
    // The agent's model chooses the server's tools: it can do what they do.
    const agent = agents.find((a) => a.unit.path === 'agent/run.py')!;
    expect(linksOf(agent)).toEqual(['mcp-server ledger']);
    expect(agent.capabilities.map((c) => c.kind)).toEqual(['data-read']);
  });

  it('a TypeScript McpServer launched as its build output from a home folder, and a server that calls a model itself, stay MCP servers', async () => {
    write('src/index.ts', "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport OpenAI from 'openai';\nimport { z } from 'zod';\nconst openai = new OpenAI();\nconst server = new McpServer({ name: 'summaries', version: '1.0.0' });\nserver.tool('summarise', 'Summarise a text', { text: z.string() }, async ({ text }) => {\n  const r = await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: text }] });\n  return { content: [{ type: 'text', text: r.choices[0]!.message.content ?? '' }] };\n});\n");
    write('claude_desktop_config.json', '{"mcpServers": {"summaries": {"command": "node", "args": ["/Users/dana/src/summaries/build/index.js"]}}}');
    const agents = await scan();
    const server = agents.find((a) => a.unit.kind === 'mcp-server')!;
    expect(server).toMatchObject({ name: 'summaries', classification: 'mcp-server', unit: { path: 'src/index.ts' }, llm: [{ provider: 'openai' }] });
    expect(linksOf(server)).toEqual(['mcp-client Claude Desktop']);
    expect(agents.filter((a) => a.classification === 'agent').map((a) => a.unit.kind)).toEqual(['mcp-config']);
  });

  it('a deployment that only runs the server is that server, and servers under tests/ are no items', async () => {
    write('servers/ledger.py', fastmcp);
    write('tests/fixtures/echo.py', 'from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("echo")\n@mcp.tool()\ndef echo(t: str) -> str:\n    return t\n');
    write('docker-compose.yml', 'services:\n  ledger-mcp:\n    build: .\n    command: python servers/ledger.py\n    environment:\n      OPENAI_API_KEY: ${OPENAI_API_KEY}\n');
    expect(items(await scan())).toEqual(['mcp-server mcp-server servers/ledger.py ledger']);
  });

  it('a config that launches the repository\'s server as its published package is linked to it by name', async () => {
    write('src/index.ts', "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nconst server = new McpServer({ name: 'weather', version: '1.0.0' });\nserver.tool('forecast', async () => ({ content: [] }));\n");
    write('.mcp.json', '{"mcpServers": {"forecasts": {"command": "npx", "args": ["-y", "@northwind/weather-mcp@latest"]}, "github": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"]}}}');
    const agents = await scan();
    expect(linksOf(agents.find((a) => a.unit.kind === 'mcp-server'))).toEqual(['mcp-client Claude Code']);
  });

  it('a launch of a public package or of a path that is no server of the tree links nothing', async () => {
    write('servers/ledger.py', fastmcp);
    write('.cursor/mcp.json', '{"mcpServers": {"fs": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "."]}, "x": {"command": "python", "args": ["missing.py"]}}}');
    const agents = await scan();
    expect(agents.flatMap((a) => a.links ?? [])).toEqual([]);
  });
});
