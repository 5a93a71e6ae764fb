import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { analyzePackageJson } from '../config/package-json';
import { scanTreeFixture } from '../scan/test-scan-tree';
import { scriptInvocation } from './package-scripts';

/**
 * Deployments that start their code through a package.json script (`npm start`, `npm run serve`,
 * `yarn start`, `pnpm agent`): the real scanner over small trees written like real repositories.
 */

const tree = scanTreeFixture('atw-scripts-');
const write = tree.write;
async function scan(): Promise<DiscoveredAgent[]> {
  return (await tree.scan()).agents;
}
const items = (agents: DiscoveredAgent[]) => agents.map((a) => `${a.classification} ${a.unit.kind} ${a.unit.path} ${a.unit.name} [${a.entryPoints.join(' ')}]`).sort();

const TOOL_LOOP_TS = `import OpenAI from 'openai';
import express from 'express';
const openai = new OpenAI();
const tools = [{ type: 'function' as const, function: { name: 'lookup_invoice', parameters: { type: 'object', properties: {} } } }];
export async function answer(question: string) {
  return openai.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: question }], tools });
}
const app = express();
app.post('/ask', async (req, res) => res.json(await answer(req.body.q)));
app.listen(8080);
`;
const CRON_SCRIPT_TS = `import Anthropic from '@anthropic-ai/sdk';
const client = new Anthropic();
const summary = await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 800, messages: [{ role: 'user', content: 'Summarise the overnight disputes' }] });
console.log(summary.content);
`;
const workflow = (run: string) =>
  `name: Digest\non:\n  schedule:\n    - cron: "0 6 * * *"\njobs:\n  digest:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pnpm install --frozen-lockfile\n      - run: ${run}\n        env:\n          ANTHROPIC_API_KEY: \${{ secrets.ANTHROPIC_API_KEY }}\n`;

describe('package.json scripts as commands', () => {
  it('a compose service building an image whose CMD is `npm start` runs the script chain down to src/ (one item, the service)', async () => {
    write('api/package.json', JSON.stringify({ name: 'api', scripts: { start: 'npm run serve', serve: 'node dist/server.js', build: 'tsc -p .', lint: 'eslint .' } }));
    write('api/src/server.ts', TOOL_LOOP_TS);
    write('api/Dockerfile', 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nEXPOSE 8080\nCMD ["npm", "start"]\n');
    write('docker-compose.yml', 'services:\n  api:\n    build: ./api\n    ports: ["8080:8080"]\n    environment:\n      OPENAI_API_KEY: ${OPENAI_API_KEY}\n');
    const found = await scan();
    expect(items(found)).toEqual(['agent container-service docker-compose.yml api [api/src/server.ts]']);
    expect(found[0]!.credentials.map((c) => c.name)).toContain('OPENAI_API_KEY');
  });

  it('a Procfile `yarn start:worker` and a workflow step `pnpm digest` reach tsx and ts-node sources, each with its own trigger', async () => {
    write('package.json', JSON.stringify({ scripts: { 'start:worker': 'NODE_ENV=production tsx src/worker.ts', digest: 'ts-node --transpile-only scripts/digest.ts', dev: 'tsx watch src/worker.ts' } }));
    write('src/worker.ts', TOOL_LOOP_TS);
    write('scripts/digest.ts', CRON_SCRIPT_TS);
    write('Procfile', 'worker: yarn start:worker\n');
    write('.github/workflows/digest.yml', workflow('pnpm digest'));
    const found = await scan();
    expect(items(found)).toEqual(['agent ci-job .github/workflows/digest.yml Digest/digest [scripts/digest.ts]', 'agent container-service Procfile worker [src/worker.ts]']);
    expect(found.find((a) => a.unit.kind === 'ci-job')!.trigger.kind).toBe('cron');
  });

  it('a script runs in its own package: `npm --prefix web start` and `cd web && npm start` use web/package.json, not the root one', async () => {
    write('package.json', JSON.stringify({ scripts: { start: 'node dist/cli.js' } }));
    write('src/cli.ts', 'console.log("no model here");\n');
    write('web/package.json', JSON.stringify({ scripts: { start: 'tsx server.ts' } }));
    write('web/server.ts', TOOL_LOOP_TS);
    write('Procfile', 'web: npm --prefix web start\nalso: cd web && npm start\n');
    expect(items(await scan())).toEqual(['agent container-service Procfile also [web/server.ts]', 'agent container-service Procfile web [web/server.ts]']);
  });

  it('`next start` runs the app routes that reach a model, not its pages or its other routes', async () => {
    write('package.json', JSON.stringify({ scripts: { build: 'next build', start: 'next start -p 3000' } }));
    write('app/api/chat/route.ts', "import { streamText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nexport async function POST(req: Request) {\n  const { messages } = await req.json();\n  return streamText({ model: openai('gpt-4.1'), messages }).toUIMessageStreamResponse();\n}\n");
    write('app/api/health/route.ts', 'export async function GET() {\n  return Response.json({ ok: true });\n}\n');
    write('app/page.tsx', "'use client';\nimport { useChat } from '@ai-sdk/react';\nexport default function Page() {\n  const { messages } = useChat();\n  return <main>{messages.length}</main>;\n}\n");
    write('docker-compose.yml', 'services:\n  web:\n    build: .\n    command: npm start\n    ports: ["3000:3000"]\n');
    expect(items(await scan())).toEqual(['llm-call container-service docker-compose.yml web [app/api/chat/route.ts]']);
  });

  it('a service whose script starts a dev server (`npm run start:dev` = nodemon) is an example beside the deployed one', async () => {
    write('package.json', JSON.stringify({ scripts: { start: 'node dist/server.js', 'start:dev': 'nodemon --watch src src/server.ts' } }));
    write('src/server.ts', TOOL_LOOP_TS);
    write('docker-compose.yml', 'services:\n  api:\n    build: .\n    command: npm start\n  api-live:\n    build: .\n    command: npm run start:dev\n');
    expect(items((await scan()).filter((a) => a.classification !== 'example'))).toEqual(['agent container-service docker-compose.yml api [src/server.ts]']);
  });

  it('decoys: scripts that build, lint or test, a script the package does not have, a script calling itself, and `npm ci` run no code', async () => {
    write('package.json', JSON.stringify({ scripts: { build: 'tsc', lint: 'eslint src', test: 'vitest run', loop: 'npm run loop', agent: 'tsx src/agent.ts' } }));
    write('src/agent.ts', CRON_SCRIPT_TS);
    write('.github/workflows/ci.yml', 'name: CI\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm ci && npm run build && npm run lint && npm run loop && npm run missing\n');
    // The agent script is run by nothing here: it stays a code entry point of its own, not the CI job.
    expect(items(await scan()).filter((line) => line.includes('ci-job'))).toEqual([]);
  });
});

describe('reading a package manager command', () => {
  it.each([
    [['npm', 'start'], 'start', null],
    [['npm', 'run', 'serve'], 'serve', null],
    [['npm', 'run-script', 'serve', '--', '--port', '3000'], 'serve', null],
    [['npm', '--prefix', 'web', 'start'], 'start', 'web'],
    [['npm', 'run', '--silent', 'agent'], 'agent', null],
    [['yarn', 'start:worker'], 'start:worker', null],
    [['yarn', '--cwd', 'api', 'start'], 'start', 'api'],
    [['pnpm', 'agent', 'quote', '--service', 'risk'], 'agent', null],
    [['pnpm', '-C', 'packages/bot', 'run', 'agent'], 'agent', 'packages/bot'],
    [['bun', 'run', 'agent'], 'agent', null],
    [['NODE_ENV=production', 'npm', 'start'], 'start', null],
  ])('%j runs the script %s', (words, name, dir) => {
    expect(scriptInvocation(words)).toEqual({ name, dir });
  });

  it.each([[['npm', 'ci']], [['npm', 'install']], [['npm', 'serve']], [['yarn', 'add', 'openai']], [['pnpm', 'install']], [['bun', 'run', 'src/agent.ts']], [['pnpm', '--filter', 'api', 'start']], [['node', 'dist/x.js']], [['npm']], [['npm', 'run']]])('%j runs no script', (words) => {
    expect(scriptInvocation(words)).toBeNull();
  });

  it('reads only string scripts of valid JSON, and nothing from a manifest without any', () => {
    expect(analyzePackageJson('package.json', '{"scripts": {"start": "node x.js", "bad": 3, "empty": " "}}')?.packageScripts).toEqual({ start: 'node x.js' });
    expect(analyzePackageJson('package.json', '{"scripts": ["node x.js"]}')).toBeNull();
    expect(analyzePackageJson('package.json', '{"scripts": {"start": ')).toBeNull();
    expect(analyzePackageJson('package.json', '{"name": "x", "scripts": {}}')).toBeNull();
    const proto = analyzePackageJson('package.json', '{"scripts": {"__proto__": "node evil.js"}}')!.packageScripts!;
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a Dockerfile nothing deploys', () => {
  const BOT_PY = 'import anthropic\nclient = anthropic.Anthropic()\nTOOLS = [{"name": "refund", "description": "Refund", "input_schema": {"type": "object"}}]\nreply = client.messages.create(model="claude-sonnet-4-5", max_tokens=500, tools=TOOLS, messages=[])\nprint(reply)\n';

  it('is the deployment of the code its CMD runs (Python): one item at the Dockerfile, not the script beside it', async () => {
    write('refund-bot/run.py', BOT_PY);
    write('refund-bot/Dockerfile', 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nCMD ["python", "/srv/run.py"]\n');
    const found = await scan();
    expect(items(found)).toEqual(['agent container-service refund-bot/Dockerfile refund-bot [refund-bot/run.py]']);
    expect(found[0]!.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('is the deployment of what `npm start` runs (TypeScript), answering on the port it exposes', async () => {
    write('package.json', JSON.stringify({ scripts: { start: 'node dist/server.js', build: 'tsc' } }));
    write('src/server.ts', TOOL_LOOP_TS);
    write('Dockerfile.api', 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nEXPOSE 8080\nCMD ["npm", "start"]\n');
    const found = await scan();
    expect(items(found)).toEqual(['agent container-service Dockerfile.api api [src/server.ts]']);
    expect(found[0]!.trigger).toMatchObject({ kind: 'user', description: 'Answers on port 8080 of its container' });
  });

  it('decoys: a Dockerfile running code with no model, one a compose service builds, a dev one beside it, a dev container, a Dockerfile.dev and one under examples/ make no item of their own', async () => {
    write('status/server.py', 'from http.server import HTTPServer, BaseHTTPRequestHandler\nHTTPServer(("", 8000), BaseHTTPRequestHandler).serve_forever()\n');
    write('status/Dockerfile', 'FROM python:3.12-slim\nCOPY . .\nCMD ["python", "server.py"]\n');
    write('bot/run.py', BOT_PY);
    write('bot/Dockerfile', 'FROM python:3.12-slim\nCOPY . .\nCMD ["python", "run.py"]\n');
    write('bot/Dockerfile.dev', 'FROM python:3.12-slim\nCOPY . .\nCMD ["python", "run.py"]\n');
    write('docker-compose.yml', 'services:\n  bot:\n    build: ./bot\n');
    write('examples/bot/Dockerfile', 'FROM python:3.12-slim\nCOPY . .\nCMD ["python", "run.py"]\n');
    write('.devcontainer/Dockerfile', 'FROM python:3.12-slim\nCOPY . .\nCMD ["python", "bot/run.py"]\n');
    write('Dockerfile.dev', 'FROM python:3.12-slim\nCOPY . .\nCMD ["python", "bot/run.py"]\n');
    write('examples/bot/run.py', BOT_PY);
    const found = (await scan()).filter((a) => a.classification !== 'example');
    expect(items(found)).toEqual(['agent container-service docker-compose.yml bot [bot/run.py]']);
  });
});

describe('pyproject.toml console scripts as commands (Python)', () => {
  const CLI_PY = 'import anthropic\n\nclient = anthropic.Anthropic()\n\n\ndef main() -> None:\n    reply = client.messages.create(model="claude-sonnet-4-5", max_tokens=400, messages=[{"role": "user", "content": "Summarise the open refunds"}])\n    print(reply.content)\n';

  it('an image whose CMD is a console script, and a workflow step `uv run <script>` in the project folder, run the module that defines it', async () => {
    write('refunds/pyproject.toml', '[project]\nname = "refund-agent"\nversion = "0.3.0"\n\n[project.scripts]\nrefund-agent = "refund_agent.cli:main"\n# not a command of ours\nlint = "ruff.__main__:main"\n\n[tool.uv]\ndev-dependencies = ["pytest"]\n');
    write('refunds/src/refund_agent/__init__.py', '');
    write('refunds/src/refund_agent/cli.py', CLI_PY);
    write('refunds/Dockerfile', 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install .\nCMD ["refund-agent"]\n');
    write('digest/pyproject.toml', '[tool.poetry]\nname = "digest"\n\n[tool.poetry.scripts]\nnightly-digest = "digest.run:main"\n');
    write('digest/digest/run.py', CLI_PY);
    write('.github/workflows/digest.yml', 'name: Digest\non:\n  schedule:\n    - cron: "0 5 * * *"\njobs:\n  digest:\n    runs-on: ubuntu-latest\n    defaults:\n      run:\n        working-directory: digest\n    steps:\n      - run: poetry install\n      - run: poetry run nightly-digest\n        env:\n          ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n');
    expect(items(await scan())).toEqual(['agent ci-job .github/workflows/digest.yml Digest/digest [digest/digest/run.py]', 'llm-call container-service refunds/Dockerfile refunds [refunds/src/refund_agent/cli.py]']);
  });

  it('decoys: a console script of another project, and a program no pyproject declares, run nothing', async () => {
    write('tools/pyproject.toml', '[project.scripts]\nrefund-agent = "tools.fake:main"\n');
    write('tools/tools/fake.py', CLI_PY);
    write('svc/pyproject.toml', '[project]\nname = "svc"\n');
    write('svc/Dockerfile', 'FROM python:3.12-slim\nCOPY . .\nCMD ["refund-agent"]\n');
    write('other/Dockerfile', 'FROM python:3.12-slim\nCOPY . .\nCMD ["gunicorn-ish"]\n');
    expect(items(await scan()).filter((line) => line.includes('Dockerfile'))).toEqual([]);
  });
});

describe('shell start scripts as commands', () => {
  const TOOL_LOOP_PY = 'from langchain_openai import ChatOpenAI\nfrom langgraph.prebuilt import create_react_agent\nfrom langchain_core.tools import tool\n\n\n@tool\ndef refund_status(order_id: str) -> str:\n    """The refund state of an order."""\n    return order_id\n\n\nagent = create_react_agent(ChatOpenAI(model="gpt-4.1"), [refund_status])\n';
  const FLASK_PY = 'from flask import Flask, request\n\napp = Flask(__name__)\n\n\n@app.route("/ask", methods=["POST"])\ndef ask():\n    from desk import agent\n    return agent.invoke({"messages": [request.json["q"]]})\n';

  it('a Procfile process and an image running `bash start.sh` / `./scripts/serve.sh` run what the script starts (gunicorn with a bind address)', async () => {
    write('desk.py', TOOL_LOOP_PY);
    write('web.py', FLASK_PY);
    write('start.sh', '#!/bin/bash\necho "starting"\ngunicorn --bind 0.0.0.0:$PORT --workers 1 web:app\n');
    write('Procfile', 'web: env WEB_CONCURRENCY=2 bash start.sh\n');
    write('api/desk.py', TOOL_LOOP_PY);
    write('api/server.py', FLASK_PY);
    write('api/scripts/serve.sh', 'set -e\nexec gunicorn -b :8080 server:app\n');
    write('api/Dockerfile', 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["./scripts/serve.sh"]\n');
    expect(items(await scan())).toEqual(['agent container-service Procfile web [web.py]', 'agent container-service api/Dockerfile api [api/server.py]'].sort());
  });

  it('decoy: a script that only deploys runs no code, and a script nothing runs joins nothing', async () => {
    write('web.py', FLASK_PY);
    write('desk.py', TOOL_LOOP_PY);
    write('deploy.sh', '#!/bin/sh\nkubectl apply -f k8s/\n');
    write('Procfile', 'release: sh deploy.sh\n');
    write('unused.sh', 'gunicorn web:app\n');
    expect(items(await scan())).toEqual(['agent code-entry-point web.py web.py [web.py]']);
  });
});
