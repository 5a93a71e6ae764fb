import { describe, expect, it } from 'vitest';
import type { CodeFindings } from '../findings';
import { bundledCodeRules } from './bundled-code-rules';
import { analyzed } from './test-helpers';

const serving = (findings: CodeFindings) => (findings.mcpHttpServing ?? []).map((s) => [s.transport, s.port, s.path, s.evidence.line]);
const clients = (findings: CodeFindings) => (findings.mcpHttpClients ?? []).map((c) => [c.name, c.url, c.evidence.line]);

describe('where an MCP server answers over HTTP', () => {
  it('reads FastMCP run() with its port and path, the constructor settings, and the defaults (8000, /mcp, /sse)', async () => {
    const explicit = await analyzed('ledger/server.py', 'from fastmcp import FastMCP\nmcp = FastMCP("ledger")\n\nif __name__ == "__main__":\n    mcp.run(transport="http", host="0.0.0.0", port=int(os.getenv("PORT", "8101")), path="/ledger/mcp")\n');
    expect(serving(explicit)).toEqual([['streamable-http', 8101, '/ledger/mcp', 5]]);
    const settings = await analyzed('notes.py', 'from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("notes", port=8003)\nmcp.run(transport="sse")\n');
    expect(serving(settings)).toEqual([['sse', 8003, '/sse', 3]]);
    const defaults = await analyzed('weather.py', 'from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("weather")\nif __name__ == "__main__":\n    mcp.run(transport="streamable-http")\n');
    expect(serving(defaults)).toEqual([['streamable-http', 8000, '/mcp', 4]]);
    const stdio = await analyzed('stdio.py', 'from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("x")\nmcp.run(transport="stdio")\n');
    expect(stdio.mcpHttpServing).toBeUndefined();
  });

  it('reads the ASGI app FastMCP hands uvicorn, with uvicorn\'s port', async () => {
    const app = await analyzed('app.py', 'import uvicorn\nfrom mcp.server.fastmcp import FastMCP\nmcp = FastMCP("kb")\napp = mcp.streamable_http_app()\nif __name__ == "__main__":\n    uvicorn.run(app, host="0.0.0.0", port=9000)\n');
    expect(serving(app)).toEqual([['streamable-http', 9000, '/mcp', 4]]);
  });

  it('reads the route a web app mounts the MCP app under', async () => {
    const fastapi = await analyzed('api/main.py', 'import uvicorn\nfrom fastapi import FastAPI\nfrom mcp.server.fastmcp import FastMCP\nmcp = FastMCP("ledger")\napi = FastAPI()\napi.mount("/ledger", mcp.streamable_http_app())\nif __name__ == "__main__":\n    uvicorn.run(api, port=8010)\n');
    expect(serving(fastapi)).toEqual([['streamable-http', 8010, '/ledger/mcp', 6]]);
    const starlette = await analyzed('kb/app.py', 'from starlette.applications import Starlette\nfrom starlette.routing import Mount\nfrom mcp.server.fastmcp import FastMCP\nmcp = FastMCP("kb")\napp = Starlette(routes=[Mount("/", app=mcp.sse_app())])\n');
    expect(serving(starlette)).toEqual([['sse', 8000, '/sse', 5]]);
  });

  it('reads a TypeScript transport inside an express route, with the port app.listen is given', async () => {
    const express = await analyzed(
      'src/http.ts',
      `import express from "express";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
const server = new McpServer({ name: "tickets", version: "1.0.0" });
const app = express();
app.use(express.json());
app.post("/tickets/mcp", async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
const PORT = Number(process.env.PORT ?? 3001);
app.listen(PORT, () => console.log("listening"));
`,
    );
    expect(serving(express)).toEqual([['streamable-http', 3001, '/tickets/mcp', 8]]);
    const sse = await analyzed(
      'server.js',
      `const express = require("express");
const { SSEServerTransport } = require("@modelcontextprotocol/sdk/server/sse.js");
const app = express();
let transport;
app.get("/sse", async (req, res) => {
  transport = new SSEServerTransport("/messages", res);
});
app.post("/messages", (req, res) => transport.handlePostMessage(req, res));
app.listen(process.env.PORT || 3002);
`,
    );
    expect(serving(sse)).toEqual([['sse', 3002, '/sse', 6]]);
  });

  it('reads TypeScript FastMCP start() with its transport type, port and endpoint', async () => {
    const ts = await analyzed('src/index.ts', 'import { FastMCP } from "fastmcp";\nconst server = new FastMCP({ name: "rates", version: "1.0.0" });\nserver.start({ transportType: "httpStream", httpStream: { port: 8080, endpoint: "/rates/mcp" } });\n');
    expect(serving(ts)).toEqual([['streamable-http', 8080, '/rates/mcp', 3]]);
    const stdio = await analyzed('src/stdio.ts', 'import { FastMCP } from "fastmcp";\nconst server = new FastMCP({ name: "rates", version: "1.0.0" });\nserver.start({ transportType: "stdio" });\n');
    expect(stdio.mcpHttpServing).toBeUndefined();
  });
});

describe('which MCP servers code reaches by URL', () => {
  it('reads Python clients: a literal, an env default, params objects and MultiServerMCPClient entries', async () => {
    const findings = await analyzed(
      'agent.py',
      `import os
from agents import Agent
from agents.mcp import MCPServerStreamableHttp, MCPServerSse
from langchain_mcp_adapters.client import MultiServerMCPClient
LEDGER_URL = os.getenv("LEDGER_MCP_URL", "http://localhost:8101/ledger/mcp")
ledger = MCPServerStreamableHttp(name="ledger", params={"url": LEDGER_URL})
notes = MCPServerSse(params={"url": "http://notes:8003/sse"})
client = MultiServerMCPClient({"docs": {"url": "https://docs.example.com/mcp", "transport": "streamable_http"}})
`,
    );
    expect(clients(findings)).toEqual([
      ['ledger', 'http://localhost:8101/ledger/mcp', 6],
      [null, 'http://notes:8003/sse', 7],
      ['docs', 'https://docs.example.com/mcp', 8],
    ]);
  });

  it('reads smolagents clients: MCPClient and ToolCollection.from_mcp given a server by URL', async () => {
    const findings = await analyzed(
      'ops_agent.py',
      `import os
from smolagents import CodeAgent, MCPClient, ToolCollection
ledger = MCPClient({"url": os.getenv("LEDGER_MCP_URL", "http://localhost:8000/mcp")})
with ToolCollection.from_mcp({"url": "http://status:9000/sse", "transport": "sse"}, trust_remote_code=True) as status:
    agent = CodeAgent(tools=[*ledger.get_tools(), *status.tools], model=model)
`,
    );
    expect(clients(findings)).toEqual([
      [null, 'http://localhost:8000/mcp', 3],
      [null, 'http://status:9000/sse', 4],
    ]);
  });

  it('reads TypeScript transports given a URL object, and turns off with the MCP client rule', async () => {
    const source = 'import Anthropic from "@anthropic-ai/sdk";\nimport { Client } from "@modelcontextprotocol/sdk/client/index.js";\nimport { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";\nconst url = process.env.TICKETS_MCP_URL ?? "http://localhost:3001/tickets/mcp";\nconst transport = new StreamableHTTPClientTransport(new URL(url));\n';
    expect(clients(await analyzed('src/agent.ts', source))).toEqual([[null, 'http://localhost:3001/tickets/mcp', 5]]);
    const relative = await analyzed('src/notify.ts', 'import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";\nexport const transport = new SSEClientTransport(new URL("/sse", process.env.NOTIFY_BASE ?? "http://localhost:3002"));\n');
    expect(clients(relative)).toEqual([[null, 'http://localhost:3002/sse', 2]]);
    const off = await analyzed('src/agent.ts', source, bundledCodeRules(new Set(['code.endpoint.mcp-client'])));
    expect(off.mcpHttpClients).toBeUndefined();
  });
});
