import { describe, expect, it } from 'vitest';
import { bundledCodeRules } from './bundled-code-rules';
import { analyzed, fixture } from './test-helpers';

const lowLevelPython = `import subprocess
import mcp.types as types
from mcp.server import Server

server = Server("ops-runbooks")

@server.list_tools()
async def list_tools():
    return [
        types.Tool(name="run_runbook", description="Run an approved runbook.", inputSchema={"type": "object"}),
        types.Tool(name="list_runbooks", description="List the runbooks.", inputSchema={"type": "object"}),
    ]

@server.call_tool()
async def call_tool(name, arguments):
    return subprocess.run(arguments["cmd"], capture_output=True).stdout
`;

describe('MCP servers in code', () => {
  it('FastMCP: the name it gives itself, each tool with its docstring or decorator description', async () => {
    const findings = await analyzed('servers/files.py', fixture('python/mcp_file_server.py'));
    expect(findings.mcpServer).toMatchObject({ name: 'shared-files', evidence: { line: 8, ruleId: 'py.framework.mcp-server' } });
    expect(findings.tools.map((t) => [t.name, t.description ?? null])).toEqual([
      ['read_file', 'Read a file under the shared root.'],
      ['write_file', 'Create or replace a file under the shared root.'],
      ['remove_tree', null],
    ]);
  });

  it('FastMCP 2: `from fastmcp import FastMCP`, FastMCP(name=...), bare @mcp.tool and a description= argument', async () => {
    const text = 'from fastmcp import FastMCP\nimport os\n\nmcp = FastMCP(name="weather")\n\n@mcp.tool\ndef forecast(city: str) -> str:\n    """Forecast for a city."""\n    return city\n\n@mcp.tool(description="Forget a saved city")\ndef forget(city: str) -> str:\n    os.remove(f"/data/{city}")\n    return "ok"\n';
    const findings = await analyzed('weather.py', text);
    expect(findings.mcpServer?.name).toBe('weather');
    expect(findings.tools.map((t) => [t.name, t.description, t.capabilities])).toEqual([
      ['forecast', 'Forecast for a city.', []],
      ['forget', 'Forget a saved city', ['file-write']],
    ]);
  });

  it('a low-level Python server: the listed tool names replace the call_tool dispatcher, each with what it can do', async () => {
    const findings = await analyzed('ops/server.py', lowLevelPython);
    expect(findings.mcpServer?.name).toBe('ops-runbooks');
    expect(findings.tools.map((t) => [t.name, t.description, t.capabilities])).toEqual([
      ['run_runbook', 'Run an approved runbook.', ['shell-exec']],
      ['list_runbooks', 'List the runbooks.', ['shell-exec']],
    ]);
  });

  it('TypeScript McpServer: name from the options object, server.tool(name, description, …) and registerTool descriptions', async () => {
    const findings = await analyzed('src/index.ts', fixture('typescript/mcp_tickets_server.ts'));
    expect(findings.mcpServer).toMatchObject({ name: 'tickets', evidence: { ruleId: 'ts.framework.mcp-server' } });
    expect(findings.tools.map((t) => [t.name, t.description ?? null])).toEqual([
      ['search_tickets', null],
      ['close_ticket', 'Close a ticket'],
    ]);
    const described = await analyzed('src/x.ts', "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { z } from 'zod';\nconst server = new McpServer({ name: 'x', version: '1' });\nserver.tool('ping', 'Answer pong', { n: z.number() }, async () => ({ content: [] }));\n");
    expect(described.tools.map((t) => [t.name, t.description])).toEqual([['ping', 'Answer pong']]);
  });

  it('a low-level TypeScript Server with request handlers', async () => {
    const text = "import { Server } from '@modelcontextprotocol/sdk/server/index.js';\nimport { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';\nconst server = new Server({ name: 'notes', version: '0.1.0' }, { capabilities: { tools: {} } });\nserver.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: [{ name: 'save_note', description: 'Save a note', inputSchema: { type: 'object' } }] }));\n";
    const findings = await analyzed('server.js', text);
    expect(findings.mcpServer?.name).toBe('notes');
    expect(findings.tools.map((t) => [t.name, t.description])).toEqual([['save_note', 'Save a note']]);
  });

  it('a client of an MCP server, or a file importing server types, builds no server', async () => {
    const client = await analyzed('agent.py', 'from agents import Agent\nfrom agents.mcp import MCPServerStdio\nserver = MCPServerStdio(params={"command": "python", "args": ["server.py"]})\nagent = Agent(name="a", mcp_servers=[server])\n');
    expect(client.mcpServer).toBeUndefined();
    const types = await analyzed('tools.py', 'from mcp.server.fastmcp import Context\nfrom openai import OpenAI\ndef helper(ctx: Context):\n    return OpenAI()\n');
    expect(types.mcpServer).toBeUndefined();
  });
});

describe('MCP servers code launches', () => {
  it('reads literal command and args from MCPServerStdio params, StdioServerParameters, MultiServerMCPClient and pydantic-ai', async () => {
    const text = [
      'from agents import Agent',
      'from agents.mcp import MCPServerStdio',
      'from langchain_mcp_adapters.client import MultiServerMCPClient',
      'from mcp import StdioServerParameters',
      'from pydantic_ai.mcp import MCPServerStdio as PydanticStdio',
      'a = MCPServerStdio(name="ledger", params={"command": "python", "args": ["servers/ledger.py"]})',
      'b = StdioServerParameters(command="uv", args=["run", "weather.py"])',
      'c = MultiServerMCPClient({"math": {"command": "python", "args": ["./math_server.py"], "transport": "stdio"}})',
      'd = PydanticStdio("node", args=["build/index.js"])',
      'ARGS = ["x.py"]',
      'e = StdioServerParameters(command="python", args=ARGS)',
      'f = StdioServerParameters(command="python", args=[os.environ["SERVER"]])',
      'agent = Agent(name="x", mcp_servers=[a])',
    ].join('\n');
    const findings = await analyzed('agent.py', text);
    expect(findings.mcpLaunches!.map((l) => [l.command, ...l.args])).toEqual([
      ['python', 'servers/ledger.py'],
      ['python', './math_server.py'],
      ['uv', 'run', 'weather.py'],
      ['node', 'build/index.js'],
      ['python', 'x.py'],
    ]);
    expect(findings.mcpLaunches![0]!.evidence).toMatchObject({ line: 6, ruleId: 'code.endpoint.mcp-client' });
  });

  it('reads StdioClientTransport({ command, args }) in TypeScript, and nothing when the MCP client rule is turned off', async () => {
    const text = "import Anthropic from '@anthropic-ai/sdk';\nimport { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';\nconst transport = new StdioClientTransport({ command: 'node', args: ['build/index.js'] });\nconst client = new Anthropic();\n";
    expect((await analyzed('agent.ts', text)).mcpLaunches!.map((l) => [l.command, ...l.args])).toEqual([['node', 'build/index.js']]);
    expect((await analyzed('agent.ts', text, bundledCodeRules(new Set(['code.endpoint.mcp-client'])))).mcpLaunches).toBeUndefined();
  });

  it('names a server configured in code by the key it is stored under, with the env it is given; a templated script path keeps its written tail', async () => {
    const findings = await analyzed(
      'src/mcp/install-mcp-server.ts',
      `import { query } from "@anthropic-ai/claude-agent-sdk";
export function servers(token: string) {
  const base: { mcpServers: Record<string, unknown> } = { mcpServers: {} };
  base.mcpServers.github = {
    command: "docker",
    args: ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server:sha-7aced2b"],
    env: { GITHUB_PERSONAL_ACCESS_TOKEN: token },
  };
  base.mcpServers.comments = { command: "bun", args: ["run", \`\${process.env.GITHUB_ACTION_PATH}/src/mcp/comment-server.ts\`] };
  base.mcpServers.dynamic = { command: "node", args: [process.env.SERVER_PATH!] };
  return base;
}
`,
    );
    expect(findings.mcpLaunches?.map((l) => [l.name, l.command, l.args.at(-1), l.env ?? []])).toEqual([
      ['github', 'docker', 'ghcr.io/github/github-mcp-server:sha-7aced2b', ['GITHUB_PERSONAL_ACCESS_TOKEN']],
      ['comments', 'bun', '…/src/mcp/comment-server.ts', []],
    ]);
    const python = await analyzed('bot.py', 'import os\nfrom claude_agent_sdk import ClaudeAgentOptions\nMCP = {"gh": {"command": "docker", "args": ["run", "-i", "-e", "GH_PAT=x", "ghcr.io/github/github-mcp-server"], "env": {"GH_PAT": os.environ["PAT"]}}}\noptions = ClaudeAgentOptions(mcp_servers=MCP)\n');
    expect(python.mcpLaunches?.map((l) => [l.name, l.env])).toEqual([['gh', ['GH_PAT']]]);
  });
});
