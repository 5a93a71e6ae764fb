// Morning triage: Claude reads the open tickets through the helpdesk MCP server and closes duplicates.
import Anthropic from '@anthropic-ai/sdk';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const anthropic = new Anthropic();

async function main(): Promise<void> {
  const mcp = new Client({ name: 'ticket-triage', version: '1.0.0' });
  await mcp.connect(new StdioClientTransport({ command: 'node', args: ['build/index.js'] }));
  const { tools } = await mcp.listTools();
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'Close tickets that duplicate an older open ticket.' }];
  for (let turn = 0; turn < 10; turn++) {
    const reply = await anthropic.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 2048,
      tools: tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema as Anthropic.Tool.InputSchema })),
      messages,
    });
    messages.push({ role: 'assistant', content: reply.content });
    if (reply.stop_reason !== 'tool_use') break;
    const results: Anthropic.ToolResultBlockParam[] = [];
    for (const block of reply.content) {
      if (block.type !== 'tool_use') continue;
      const result = await mcp.callTool({ name: block.name, arguments: block.input as Record<string, unknown> });
      results.push({ type: 'tool_result', tool_use_id: block.id, content: JSON.stringify(result.content) });
    }
    messages.push({ role: 'user', content: results });
  }
  await mcp.close();
}

main();
