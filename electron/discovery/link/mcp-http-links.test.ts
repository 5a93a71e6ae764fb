import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { scanTreeFixture } from '../scan/test-scan-tree';

/** MCP servers reached by URL, over a real scan: which client is tied to which server of the repository. */
const tree = scanTreeFixture('atw-mcp-http-');
const scan = tree.scan;
const write = tree.writeAll;

const summary = (agents: DiscoveredAgent[]) => agents.map((a) => `${a.classification} ${a.unit.kind} ${a.unit.name} @${a.unit.path} -> ${(a.links ?? []).map((l) => `${l.relation}:${l.name}`).sort().join(',')}`);

const LEDGER_SERVER = `import os
import psycopg
from fastmcp import FastMCP

mcp = FastMCP("ledger")

@mcp.tool
def balance(account: str) -> float:
    """Balance of a ledger account."""
    with psycopg.connect(os.environ["LEDGER_DB"]) as conn:
        return conn.execute("SELECT balance FROM accounts WHERE id = %s", (account,)).fetchone()[0]

if __name__ == "__main__":
    mcp.run(transport="http", host="0.0.0.0", port=int(os.getenv("PORT", "8101")))
`;

const TICKETS_SERVER = 'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { z } from "zod";\nexport function createServer() {\n  const server = new McpServer({ name: "tickets", version: "1.0.0" });\n  server.tool("close_ticket", { id: z.string() }, async ({ id }) => ({ content: [{ type: "text", text: id }] }));\n  return server;\n}\n';
const TICKETS_HTTP = 'import express from "express";\nimport { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";\nimport { createServer } from "./server.js";\nconst app = express();\napp.post("/mcp", async (req, res) => {\n  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });\n  await createServer().connect(transport);\n  await transport.handleRequest(req, res, req.body);\n});\napp.listen(3001);\n';

describe('clients that reach an MCP server by URL', () => {
  it('link a .mcp.json http entry and a code client to the FastMCP server listening there; a remote server and another port link nothing', async () => {
    write({
      'servers/ledger.py': LEDGER_SERVER,
      '.mcp.json': JSON.stringify({ mcpServers: { ledger: { type: 'http', url: 'http://localhost:8101/mcp' }, linear: { type: 'sse', url: 'https://mcp.linear.app/sse' }, old: { type: 'http', url: 'http://localhost:9999/mcp' } } }),
      'agent/main.py': 'import os\nfrom agents import Agent, Runner\nfrom agents.mcp import MCPServerStreamableHttp\nledger = MCPServerStreamableHttp(params={"url": os.getenv("LEDGER_MCP_URL", "http://127.0.0.1:8101/mcp")})\nagent = Agent(name="closer", instructions="Close the books", mcp_servers=[ledger])\nif __name__ == "__main__":\n    Runner.run_sync(agent, "close")\n',
    });
    const { agents } = await scan();
    expect(summary(agents)).toEqual([
      'agent mcp-config Claude Code @.mcp.json -> mcp-server:ledger',
      'mcp-server mcp-server ledger @servers/ledger.py -> mcp-client:Claude Code,mcp-client:agent',
      'agent code-entry-point agent/main.py @agent/main.py -> mcp-server:ledger',
    ]);
    const agent = agents.find((a) => a.unit.path === 'agent/main.py')!;
    // The server's SQL read is the agent's: its model chooses the tool.
    expect(agent.capabilities.map((c) => c.kind)).toContain('data-read');
    expect(agent.mcpServers?.map((m) => [m.name, m.url])).toEqual([['127.0.0.1:8101', 'http://127.0.0.1:8101/mcp']]);
  });

  it('reach a TypeScript server through its compose service name; the file that serves it over HTTP is the server\'s, not an agent', async () => {
    write({
      'mcp/src/server.ts': TICKETS_SERVER,
      'mcp/src/http.ts': TICKETS_HTTP,
      'mcp/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/http.js"]\n',
      'docker-compose.yml': 'services:\n  tickets-mcp:\n    build: ./mcp\n    ports:\n      - "3001:3001"\n  bot:\n    build: ./bot\n    command: python bot.py\n',
      'bot/bot.py': 'import os, asyncio\nfrom anthropic import Anthropic\nfrom mcp import ClientSession\nfrom mcp.client.streamable_http import streamablehttp_client\nURL = os.environ.get("TICKETS_MCP_URL", "http://tickets-mcp:3001/mcp")\nasync def main():\n    async with streamablehttp_client(URL) as (r, w, _):\n        async with ClientSession(r, w) as s:\n            tools = await s.list_tools()\n            Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=500, tools=[t.model_dump() for t in tools.tools], messages=[])\nasyncio.run(main())\n',
    });
    const { agents } = await scan();
    expect(summary(agents)).toEqual(['agent container-service bot @docker-compose.yml -> mcp-server:tickets', 'mcp-server mcp-server tickets @mcp/src/server.ts -> mcp-client:bot']);
    expect(agents.find((a) => a.classification === 'mcp-server')!.entryPoints).toEqual(['mcp/src/server.ts', 'mcp/src/http.ts']);
  });

  it('follow the agent into a helper module that only opens the MCP client, though it uses no model', async () => {
    write({
      'servers/ledger.py': LEDGER_SERVER,
      'agent/ledger_client.py': 'from mcp import ClientSession\nfrom mcp.client.streamable_http import streamablehttp_client\nLEDGER_URL = "http://localhost:8101/mcp"\ndef connect():\n    return streamablehttp_client(LEDGER_URL)\n',
      'agent/main.py': 'from anthropic import Anthropic\nfrom agent.ledger_client import connect\nif __name__ == "__main__":\n    with connect() as streams:\n        Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=10, tools=[{"name": "balance", "input_schema": {}}], messages=[])\n',
    });
    const { agents } = await scan();
    expect(summary(agents)).toEqual(['mcp-server mcp-server ledger @servers/ledger.py -> mcp-client:agent', 'agent code-entry-point agent/main.py @agent/main.py -> mcp-server:ledger']);
  });

  it('a __main__ that runs the imported server over HTTP is the server\'s: its port links, the service running it is no agent', async () => {
    write({
      'kb/server.py': 'import psycopg\nfrom fastmcp import FastMCP\nmcp = FastMCP("kb")\n@mcp.tool\ndef search(q: str) -> list:\n    """Search."""\n    with psycopg.connect("postgresql://kb") as conn:\n        return conn.execute("SELECT title FROM docs WHERE body ILIKE %s", (q,)).fetchall()\n',
      'kb/__main__.py': 'from kb.server import mcp\n\nif __name__ == "__main__":\n    mcp.run(\n        transport="streamable-http",\n        host="0.0.0.0",\n        port=8300,\n    )\n',
      'docker-compose.yml': 'services:\n  kb:\n    build: .\n    command: python -m kb\n    ports:\n      - "8300:8300"\n',
      '.mcp.json': JSON.stringify({ mcpServers: { kb: { type: 'http', url: 'http://localhost:8300/mcp' } } }),
    });
    const { agents } = await scan();
    expect(summary(agents)).toEqual(['agent mcp-config Claude Code @.mcp.json -> mcp-server:kb', 'mcp-server mcp-server kb @kb/server.py -> mcp-client:Claude Code']);
    expect(agents[1]!.entryPoints).toEqual(['kb/server.py', 'kb/__main__.py']);
  });

  it('read the URL from the compose environment when the code reads it with no default', async () => {
    write({
      'mcp/src/server.ts': TICKETS_SERVER,
      'mcp/src/http.ts': TICKETS_HTTP,
      'docker-compose.yml': 'services:\n  tickets-mcp:\n    build: ./mcp\n    command: node src/http.ts\n    ports:\n      - "3001:3001"\n  bot:\n    build: ./bot\n    command: python bot.py\n    environment:\n      TICKETS_MCP_URL: http://tickets-mcp:3001/mcp\n      DOCS_MCP_URL: https://docs.example.com/mcp\n',
      'bot/bot.py': 'import os\nfrom anthropic import Anthropic\nfrom mcp.client.streamable_http import streamablehttp_client\nasync def main():\n    async with streamablehttp_client(os.environ["TICKETS_MCP_URL"]) as streams:\n        Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=10, tools=[], messages=[])\n',
    });
    const { agents } = await scan();
    expect(summary(agents)).toEqual(['agent container-service bot @docker-compose.yml -> mcp-server:tickets', 'mcp-server mcp-server tickets @mcp/src/server.ts -> mcp-client:bot']);
    expect(agents[0]!.links![0]!.evidence).toMatchObject({ path: 'docker-compose.yml', ruleId: 'config.endpoint.env-url' });
  });

  it('with two projects serving on the same default port, a client reaches the server of its own project; equally near servers link nothing', async () => {
    const server = (name: string) => `from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("${name}")\n@mcp.tool()\ndef ping() -> str:\n    return "pong"\nif __name__ == "__main__":\n    mcp.run(transport="streamable-http")\n`;
    const client = 'from anthropic import Anthropic\nfrom mcp.client.streamable_http import streamablehttp_client\nasync def main():\n    async with streamablehttp_client("http://localhost:8000/mcp") as streams:\n        Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=10, tools=[], messages=[])\n';
    write({
      'billing/mcp_server.py': server('billing'),
      'billing/agent.py': client,
      'payouts/mcp_server.py': server('payouts'),
      'payouts/agent.py': client,
      'shared_agent.py': client,
    });
    const { agents } = await scan();
    const linksOf = (path: string) => agents.find((a) => a.unit.path === path)!.links?.map((l) => l.name);
    expect(linksOf('billing/agent.py')).toEqual(['billing']);
    expect(linksOf('payouts/agent.py')).toEqual(['payouts']);
    expect(linksOf('shared_agent.py')).toBeUndefined();
  });

  it('reach a server in a container on the host port compose publishes it on', async () => {
    write({
      'weather/server.py': 'from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("weather")\n@mcp.tool()\ndef forecast(city: str) -> str:\n    return city\nif __name__ == "__main__":\n    mcp.run(transport="sse")\n',
      'docker-compose.yml': 'services:\n  weather:\n    build: ./weather\n    command: python server.py\n    ports:\n      - "127.0.0.1:18000:8000"\n',
      '.cursor/mcp.json': JSON.stringify({ mcpServers: { weather: { url: 'http://localhost:18000/sse' }, other: { url: 'http://localhost:18001/sse' } } }, null, 2),
    });
    const { agents } = await scan();
    const cursor = agents.find((a) => a.unit.kind === 'mcp-config')!;
    expect(cursor.links?.map((l) => [l.name, l.evidence?.line])).toEqual([['weather', 3]]);
  });

  it('see through a local bridge to the HTTP server: npx mcp-remote <url> in Claude Desktop', async () => {
    write({
      'servers/ledger.py': LEDGER_SERVER,
      'claude_desktop_config.json': JSON.stringify({ mcpServers: { ledger: { command: 'npx', args: ['-y', 'mcp-remote', 'http://localhost:8101/mcp'] }, linear: { command: 'npx', args: ['-y', 'mcp-remote@0.1.18', 'https://mcp.linear.app/sse'] } } }),
    });
    const { agents } = await scan();
    expect(summary(agents)).toEqual(['agent mcp-config Claude Desktop @claude_desktop_config.json -> mcp-server:ledger', 'mcp-server mcp-server ledger @servers/ledger.py -> mcp-client:Claude Desktop']);
  });

  it('a service name of the repository on a port its server does not listen on, or on a route it does not answer, links nothing', async () => {
    write({
      'mcp/src/server.ts': TICKETS_SERVER,
      'mcp/src/http.ts': TICKETS_HTTP,
      'docker-compose.yml': 'services:\n  tickets-mcp:\n    build: ./mcp\n    command: node src/http.ts\n    ports:\n      - "3001:3001"\n',
      'bot/wrong_port.py': 'from anthropic import Anthropic\nfrom mcp.client.streamable_http import streamablehttp_client\nasync def main():\n    async with streamablehttp_client("http://tickets-mcp:4000/mcp") as streams:\n        Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=10, tools=[], messages=[])\n',
      'bot/wrong_route.py': 'from anthropic import Anthropic\nfrom mcp.client.sse import sse_client\nasync def main():\n    async with sse_client("http://localhost:3001/sse") as streams:\n        Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=10, tools=[], messages=[])\n',
    });
    const { agents } = await scan();
    expect(agents.filter((a) => a.classification !== 'mcp-server').map((a) => [a.unit.path, a.links])).toEqual([
      ['bot/wrong_port.py', undefined],
      ['bot/wrong_route.py', undefined],
    ]);
  });
});

describe('MCP servers configured in code', () => {
  it('list the docker server claude-code-action builds for its agent, with the token it gets, and link the agent to the comment server of the repository', async () => {
    write({
      'action.yml': 'name: Claude Review\ninputs:\n  github_token:\n    required: false\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: bun run ${GITHUB_ACTION_PATH}/src/entrypoints/prepare.ts\n    - shell: bash\n      run: bun run ${GITHUB_ACTION_PATH}/src/entrypoints/run.ts\n',
      'src/entrypoints/prepare.ts': 'import { prepareMcpConfig } from "../mcp/install-mcp-server";\nimport { writeFileSync } from "fs";\nasync function run() {\n  const config = await prepareMcpConfig({ githubToken: process.env.GITHUB_TOKEN! });\n  writeFileSync("/tmp/mcp.json", config);\n}\nrun();\n',
      'src/mcp/install-mcp-server.ts': 'export async function prepareMcpConfig(params: { githubToken: string }): Promise<string> {\n  const base: { mcpServers: Record<string, unknown> } = { mcpServers: {} };\n  base.mcpServers.github_comment = {\n    command: "bun",\n    args: ["run", `${process.env.GITHUB_ACTION_PATH}/src/mcp/github-comment-server.ts`],\n    env: { GITHUB_TOKEN: params.githubToken },\n  };\n  base.mcpServers.github = {\n    command: "docker",\n    args: ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server:sha-7aced2b"],\n    env: { GITHUB_PERSONAL_ACCESS_TOKEN: params.githubToken },\n  };\n  return JSON.stringify(base, null, 2);\n}\n',
      'src/mcp/github-comment-server.ts': 'import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";\nimport { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";\nimport { z } from "zod";\nconst server = new McpServer({ name: "GitHub Comment Server", version: "0.0.1" });\nserver.tool("update_claude_comment", "Update the comment", { body: z.string() }, async ({ body }) => ({ content: [{ type: "text", text: body }] }));\nawait server.connect(new StdioServerTransport());\n',
      'src/entrypoints/run.ts': 'import { query } from "@anthropic-ai/claude-agent-sdk";\nfor await (const m of query({ prompt: process.env.PROMPT!, options: { allowedTools: ["Edit"] } })) console.log(m.type);\n',
    });
    const { agents } = await scan();
    expect(summary(agents)).toEqual(['agent github-action Claude Review @action.yml -> mcp-server:GitHub Comment Server', 'mcp-server mcp-server GitHub Comment Server @src/mcp/github-comment-server.ts -> mcp-client:Claude Review']);
    const action = agents[0]!;
    expect(action.mcpServers?.map((m) => [m.name, [m.command, ...m.args].join(' '), m.env])).toEqual([
      ['github_comment', 'bun run …/src/mcp/github-comment-server.ts', ['GITHUB_TOKEN']],
      ['github', 'docker run -i --rm -e GITHUB_PERSONAL_ACCESS_TOKEN ghcr.io/github/github-mcp-server:sha-7aced2b', ['GITHUB_PERSONAL_ACCESS_TOKEN']],
    ]);
    expect(action.capabilities.filter((c) => c.tool === 'github').map((c) => [c.kind, c.detail])).toEqual([['data-write', 'MCP server github: code host server: writes issues, pull requests and code']]);
    expect(action.credentials.map((c) => c.name)).toContain('GITHUB_PERSONAL_ACCESS_TOKEN');
  });
});

describe('Claude Code configuration an agent loads', () => {
  const PROJECT = {
    '.claude/settings.json': JSON.stringify({ permissions: { allow: ['Bash(git:*)', 'mcp__ledger__balance'] }, enabledMcpjsonServers: ['ledger'] }),
    '.claude/agents/reviewer.md': '---\nname: reviewer\ndescription: Reviews diffs\ntools: Read, Grep\n---\nYou review.\n',
    // The GitHub server is not among the servers the settings enable: a run loading the project does not get it.
    '.mcp.json': JSON.stringify({ mcpServers: { ledger: { command: 'uv', args: ['run', 'servers/ledger.py'] }, github: { command: 'docker', args: ['run', '-i', '--rm', 'ghcr.io/github/github-mcp-server'] } } }),
    'servers/ledger.py': LEDGER_SERVER,
  };

  it('settingSources: [\'project\'] gives the SDK run the project\'s servers, subagents and settings grants; [\'user\'] gives it nothing', async () => {
    write({
      ...PROJECT,
      'ci/review.ts': 'import { query } from "@anthropic-ai/claude-agent-sdk";\nfor await (const m of query({ prompt: "review", options: { settingSources: ["project"], allowedTools: ["Read"] } })) console.log(m.type);\n',
      'ci/user-only.ts': 'import { query } from "@anthropic-ai/claude-agent-sdk";\nfor await (const m of query({ prompt: "x", options: { settingSources: ["user"] } })) console.log(m.type);\n',
    });
    const { agents } = await scan();
    const review = agents.find((a) => a.unit.path === 'ci/review.ts')!;
    expect(summary([review])).toEqual(['agent code-entry-point ci/review.ts @ci/review.ts -> mcp-server:ledger,sub-agent:reviewer']);
    const granted = review.capabilities.find((c) => c.detail.endsWith('(project settings)'))!;
    expect(granted).toMatchObject({ kind: 'shell-exec', evidence: { path: '.claude/settings.json' } });
    expect(review.mcpServers?.map((m) => m.name)).toEqual(['ledger']);
    expect(review.capabilities.some((c) => c.kind === 'data-write')).toBe(false);
    const userOnly = agents.find((a) => a.unit.path === 'ci/user-only.ts')!;
    expect(userOnly.links).toBeUndefined();
    expect(userOnly.mcpServers).toBeUndefined();
  });

  it('claude -p --mcp-config in a workflow gives that run the file\'s servers: the file is no item of its own', async () => {
    write({
      'servers/ledger.py': LEDGER_SERVER,
      '.github/workflows/nightly.yml': 'name: Nightly\non:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  audit:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx @anthropic-ai/claude-code -p "audit the ledger" --mcp-config .github/mcp-ci.json --allowedTools "mcp__ledger__balance"\n        env:\n          ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n',
      '.github/mcp-ci.json': JSON.stringify({ mcpServers: { ledger: { type: 'http', url: 'http://localhost:8101/mcp' }, sentry: { type: 'http', url: 'https://mcp.sentry.dev/mcp' } } }),
    });
    const { agents } = await scan();
    expect(summary(agents)).toEqual(['agent ci-job Nightly/audit @.github/workflows/nightly.yml -> mcp-server:ledger', 'mcp-server mcp-server ledger @servers/ledger.py -> mcp-client:Nightly/audit']);
    expect(agents[0]!.mcpServers?.map((m) => [m.name, m.url])).toEqual([
      ['ledger', 'http://localhost:8101/mcp'],
      ['sentry', 'https://mcp.sentry.dev/mcp'],
    ]);
    expect(agents[0]!.entryPoints).toContain('.github/mcp-ci.json');
  });

  it('a composite action\'s claude -p --mcp-config ${GITHUB_ACTION_PATH}/… names a file of the action\'s folder', async () => {
    write({
      'servers/ledger.py': LEDGER_SERVER,
      'actions/audit/action.yml': 'name: Audit\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: claude -p "audit" --mcp-config ${GITHUB_ACTION_PATH}/mcp.json --allowedTools mcp__ledger__balance\n',
      'actions/audit/mcp.json': JSON.stringify({ mcpServers: { ledger: { type: 'http', url: 'http://localhost:8101/mcp' } } }),
    });
    const { agents } = await scan();
    expect(summary(agents)).toEqual(['agent github-action Audit @actions/audit/action.yml -> mcp-server:ledger', 'mcp-server mcp-server ledger @servers/ledger.py -> mcp-client:Audit']);
  });
  it('read calls and words named like Object.prototype members (toString, constructor, valueOf) as nothing special', async () => {
    write({
      'mcp/src/server.ts': TICKETS_SERVER,
      'mcp/src/http.ts': TICKETS_HTTP.replace('app.listen(3001);', 'const port = Number(process.env.PORT ?? 3001).toString();\napp.get("/health", (req, res) => res.send(new Date().valueOf().toString()));\nconst constructor = Object.prototype.constructor;\napp.listen(3001);'),
      'servers/tasks.py': 'from fastmcp import FastMCP\nmcp = FastMCP("tasks")\n@mcp.tool\ndef add(title: str) -> str:\n    return title\nclass App:\n    def constructor(self):\n        return mcp.toString()\nif __name__ == "__main__":\n    mcp.run(transport="constructor", port=8000)\n    mcp.constructor()\n    mcp.hasOwnProperty()\n',
      '.mcp.json': JSON.stringify({ mcpServers: { tickets: { type: 'http', url: 'http://localhost:3001/mcp' } } }),
    });
    const { agents } = await scan();
    expect(summary(agents)).toEqual([
      'agent mcp-config Claude Code @.mcp.json -> mcp-server:tickets',
      'mcp-server mcp-server tickets @mcp/src/server.ts -> mcp-client:Claude Code',
      'mcp-server mcp-server tasks @servers/tasks.py -> ',
    ]);
  });
});
