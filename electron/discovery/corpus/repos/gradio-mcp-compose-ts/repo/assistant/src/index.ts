import Anthropic from '@anthropic-ai/sdk';
import express from 'express';
import { policyTools } from './mcp.js';

const anthropic = new Anthropic();
const mcp = await policyTools();
const { tools } = await mcp.listTools();
const app = express();
app.use(express.json());

// Merchant-success staff ask about a policy; the assistant searches the KB and may email the merchant.
app.post('/ask', async (req, res) => {
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: String(req.body.question ?? '') }];
  for (let turn = 0; turn < 6; turn++) {
    const reply = await anthropic.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 1024,
      tools: tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema as Anthropic.Tool.InputSchema })),
      messages,
    });
    messages.push({ role: 'assistant', content: reply.content });
    if (reply.stop_reason !== 'tool_use') return void res.json({ answer: reply.content });
    const results = [];
    for (const block of reply.content) {
      if (block.type !== 'tool_use') continue;
      const result = await mcp.callTool({ name: block.name, arguments: block.input as Record<string, unknown> });
      results.push({ type: 'tool_result' as const, tool_use_id: block.id, content: JSON.stringify(result.content) });
    }
    messages.push({ role: 'user', content: results });
  }
  res.status(504).json({ error: 'no answer in six turns' });
});

app.listen(Number(process.env.PORT ?? 8080));
