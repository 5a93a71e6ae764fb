import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { analyzeCode } from '../code/analyze-code';
import { loadCodeParsers } from '../code/parser';
import { RULES } from '../code/test-helpers';
import { codeStub } from '../scan/code-stub';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { linkUnits } from './link-units';

async function link(files: Record<string, string>): Promise<DiscoveredAgent[]> {
  await loadCodeParsers();
  const findings = Object.entries(files).flatMap(([path, text]) => analyzeCode(path, text, RULES, TEST_FINGERPRINT_KEY, undefined, { skipPrefilter: true }) ?? codeStub(path, text) ?? []);
  return linkUnits('t', findings);
}

const summary = (agents: DiscoveredAgent[]) => agents.map((a) => `${a.classification} ${a.unit.path} [${[...a.entryPoints].sort().join(', ')}]`).sort();

const SERVER_V2 = [
  "import { McpServer } from '@modelcontextprotocol/server';",
  "import { z } from 'zod';",
  'export function createServer() {',
  "  const server = new McpServer({ name: 'notes', version: '1.0.0' });",
  "  server.registerTool('read_note', { description: 'Read a note', inputSchema: { id: z.string() } }, async ({ id }) => ({ content: [{ type: 'text', text: id }] }));",
  '  return server;',
  '}',
].join('\n');
const STDIO_LAUNCHER = "import { StdioServerTransport } from '@modelcontextprotocol/server';\nimport { createServer } from './server.js';\nasync function main() {\n  await createServer().connect(new StdioServerTransport());\n}\nmain();\n";

describe('files that only start an MCP server built elsewhere', () => {
  it('are entry points of the server item, not agents (TypeScript, the v2 server package)', async () => {
    const agents = await link({ 'src/server.ts': SERVER_V2, 'src/stdio.ts': STDIO_LAUNCHER });
    expect(summary(agents)).toEqual(['mcp-server src/server.ts [src/server.ts, src/stdio.ts]']);
    expect(agents[0]!.unit.name).toBe('notes');
    expect(agents[0]!.tools.map((t) => t.name)).toEqual(['read_note']);
  });

  it('are entry points of the server item, not agents (Python, a main guard around mcp.server.stdio)', async () => {
    const agents = await link({
      'ops/server.py': 'import mcp.types as types\nfrom mcp.server.lowlevel import Server\n\nserver = Server("ops")\n\n\n@server.list_tools()\nasync def list_tools() -> list[types.Tool]:\n    return []\n',
      'ops/stdio_main.py': 'import anyio\nfrom mcp.server.stdio import stdio_server\n\nfrom ops.server import server\n\n\nasync def run():\n    async with stdio_server() as (r, w):\n        await server.run(r, w, server.create_initialization_options())\n\n\nif __name__ == "__main__":\n    anyio.run(run)\n',
    });
    expect(summary(agents)).toEqual(['mcp-server ops/server.py [ops/server.py, ops/stdio_main.py]']);
  });

  it('stay agents when they also call a model: an agent hosting the server in its own process is not its launcher', async () => {
    const agents = await link({
      'src/server.ts': SERVER_V2,
      'src/explain.ts': [
        "import Anthropic from '@anthropic-ai/sdk';",
        "import { InMemoryTransport } from '@modelcontextprotocol/server';",
        "import { createServer } from './server.js';",
        'const anthropic = new Anthropic();',
        'async function main() {',
        '  const [, serverSide] = InMemoryTransport.createLinkedPair();',
        '  await createServer().connect(serverSide);',
        "  const tools: Anthropic.Tool[] = [{ name: 'read_note', input_schema: { type: 'object', properties: {} } }];",
        "  await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, tools, messages: [{ role: 'user', content: 'explain' }] });",
        '}',
        'main();',
      ].join('\n'),
    });
    expect(summary(agents)).toEqual(['agent src/explain.ts [src/explain.ts]', 'mcp-server src/server.ts [src/server.ts]']);
  });
});
