import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { scanTreeFixture } from '../scan/test-scan-tree';

/**
 * A deployment that only runs an MCP server is how that server runs: one item, the server's, with
 * what the deployment says (when it starts, the secrets it is given), never a second item and
 * never silently dropped.
 */

const tree = scanTreeFixture('atw-mcp-deploy-');
const items = (agents: DiscoveredAgent[]) => agents.map((a) => `${a.classification} ${a.unit.kind} ${a.unit.path} ${a.unit.name}`).sort();
const byName = (agents: DiscoveredAgent[], name: string) => agents.find((a) => a.unit.name === name);

const WEATHER_SERVER = 'import os\nimport httpx\nfrom mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("weather")\n\n\n@mcp.tool()\nasync def forecast(city: str) -> str:\n    """Forecast."""\n    async with httpx.AsyncClient() as c:\n        return (await c.get("https://api.weather.example/v1", params={"q": city})).text\n\n\ndef main():\n    mcp.run(transport="streamable-http")\n';
const TICKETS_SERVER = "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';\nimport { z } from 'zod';\nconst server = new McpServer({ name: 'tickets', version: '1.0.0' });\nserver.tool('get_ticket', { id: z.string() }, async ({ id }) => ({ content: [{ type: 'text', text: id }] }));\nawait server.connect(new StdioServerTransport());\n";

function writeWeatherPackage(): void {
  tree.writeAll({
    'weather_server/__init__.py': '',
    'weather_server/__main__.py': 'from .server import main\n\nmain()\n',
    'weather_server/server.py': WEATHER_SERVER,
  });
}

describe('deployments that only run an MCP server', () => {
  it('a compose service and a Procfile process running `python -m weather_server` join the weather server: its port, its secrets, its __main__.py', async () => {
    writeWeatherPackage();
    tree.writeAll({
      'docker-compose.yml': 'services:\n  weather-mcp:\n    build: .\n    command: python -m weather_server\n    ports:\n      - "8000:8000"\n    environment:\n      WEATHER_API_KEY: ${WEATHER_API_KEY}\n',
      Procfile: 'mcp: python -m weather_server\n',
    });
    const agents = (await tree.scan()).agents;
    expect(items(agents)).toEqual(['mcp-server mcp-server weather_server/server.py weather']);
    const weather = byName(agents, 'weather')!;
    expect(weather.trigger).toMatchObject({ kind: 'webhook', evidence: { path: 'docker-compose.yml' } });
    expect(weather.trigger.description).toContain('deployed by mcp (Procfile), weather-mcp (docker-compose.yml)');
    expect(weather.credentials.map((c) => `${c.name} ${c.evidence?.path}`)).toContain('WEATHER_API_KEY docker-compose.yml');
    expect(weather.entryPoints).toEqual(['weather_server/server.py', 'weather_server/__main__.py']);
  });

  it('a Kubernetes CronJob running `node build/index.js` of a TS McpServer gives the server its schedule and its secret', async () => {
    tree.writeAll({
      'src/index.ts': TICKETS_SERVER,
      'k8s/cronjob.yaml':
        'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: tickets-warmup\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: server\n              image: tickets-mcp:1\n              command: ["node", "build/index.js"]\n              env:\n                - name: ZENDESK_TOKEN\n                  valueFrom:\n                    secretKeyRef: { name: zendesk, key: token }\n',
    });
    const agents = (await tree.scan()).agents;
    expect(items(agents)).toEqual(['mcp-server mcp-server src/index.ts tickets']);
    const tickets = byName(agents, 'tickets')!;
    expect(tickets.trigger).toMatchObject({ kind: 'cron', schedule: '0 * * * *' });
    expect(tickets.credentials.map((c) => c.name)).toContain('ZENDESK_TOKEN');
  });

  it('a service that runs an agent which starts the server stays an agent, linked; an example compose file and a test job give the server nothing', async () => {
    writeWeatherPackage();
    tree.writeAll({
      'assistant/__init__.py': '',
      'assistant/__main__.py':
        'import asyncio\nfrom agents import Agent, Runner\nfrom agents.mcp import MCPServerStdio\n\n\nasync def main():\n    async with MCPServerStdio(params={"command": "python", "args": ["-m", "weather_server"]}) as weather:\n        agent = Agent(name="Planner", instructions="Plan.", mcp_servers=[weather], model="gpt-4.1")\n        print((await Runner.run(agent, "Plan.")).final_output)\n\n\nasyncio.run(main())\n',
      'docker-compose.yml': 'services:\n  planner:\n    build: .\n    command: python -m assistant\n    environment:\n      OPENAI_API_KEY: ${OPENAI_API_KEY}\n',
      'docs/examples/docker-compose.yml': 'services:\n  weather-demo:\n    build: ../..\n    command: python -m weather_server\n    ports:\n      - "9000:9000"\n',
    });
    // A CI job that starts the server for its integration tests does not deploy it.
    tree.write('.github/workflows/ci.yml', 'name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          python -m weather_server &\n          pytest tests/integration\n');
    mkdirSync(join(tree.root(), '.git'));
    const agents = (await tree.scan()).agents;
    expect(items(agents)).toEqual(['agent container-service docker-compose.yml planner', 'mcp-server mcp-server weather_server/server.py weather']);
    const weather = byName(agents, 'weather')!;
    expect(weather.trigger).toMatchObject({ kind: "user", description: "Serves tools to the MCP clients that start or connect to it" });
    expect(weather.links?.map((l) => `${l.relation} ${l.name}`)).toEqual(['mcp-client planner']);
  });

  it('a compose service running a launcher file that imports the server SDK only for its transport joins the server it starts', async () => {
    tree.writeAll({
      'src/server.ts': "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\nexport function createServer() {\n  const server = new McpServer({ name: 'ledger', version: '1.0.0' });\n  server.tool('balance', { id: z.string() }, async ({ id }) => ({ content: [{ type: 'text', text: id }] }));\n  return server;\n}\n",
      'src/stdio.ts': "import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';\nimport { createServer } from './server.js';\nawait createServer().connect(new StdioServerTransport());\n",
      'docker-compose.yml': 'services:\n  ledger-mcp:\n    build: .\n    command: node dist/stdio.js\n',
    });
    const agents = (await tree.scan()).agents;
    expect(items(agents)).toEqual(['mcp-server mcp-server src/server.ts ledger']);
    expect(byName(agents, 'ledger')!.entryPoints).toEqual(['src/server.ts', 'src/stdio.ts']);
  });
});
