import Anthropic from '@anthropic-ai/sdk';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

// Weekly "what changed in our policies" note. Still pointed at the old FastMCP route, where nothing answers now.
const mcp = new Client({ name: 'policy-digest', version: '0.1.0' });
await mcp.connect(new SSEClientTransport(new URL('http://localhost:7870/sse')));
const { tools } = await mcp.listTools();
const anthropic = new Anthropic();
const reply = await anthropic.messages.create({
  model: 'claude-haiku-4-5',
  max_tokens: 800,
  tools: tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema as Anthropic.Tool.InputSchema })),
  messages: [{ role: 'user', content: 'Summarise the policies changed this week.' }],
});
console.log(reply.content);
