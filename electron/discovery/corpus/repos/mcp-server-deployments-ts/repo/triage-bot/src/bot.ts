// Triage bot: Claude reads new tickets through the tickets MCP server and leaves an internal note.
import Anthropic from '@anthropic-ai/sdk';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const anthropic = new Anthropic();
const mcp = new Client({ name: 'triage-bot', version: '1.0.0' });
await mcp.connect(new StreamableHTTPClientTransport(new URL('http://tickets-mcp:3333/mcp')));
const { tools } = await mcp.listTools();

export async function triage(ticketId: string): Promise<void> {
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: `Triage ticket ${ticketId}: read it and add an internal note with a priority.` }];
  for (let turn = 0; turn < 6; turn++) {
    const reply = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, messages, tools: tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema })) });
    if (reply.stop_reason !== 'tool_use') return;
    messages.push({ role: 'assistant', content: reply.content });
    const results: Anthropic.ToolResultBlockParam[] = [];
    for (const block of reply.content) {
      if (block.type !== 'tool_use') continue;
      const result = await mcp.callTool({ name: block.name, arguments: block.input as Record<string, unknown> });
      results.push({ type: 'tool_result', tool_use_id: block.id, content: JSON.stringify(result.content) });
    }
    messages.push({ role: 'user', content: results });
  }
}

setInterval(() => void triage(process.env.NEXT_TICKET ?? 'latest'), 60_000);
