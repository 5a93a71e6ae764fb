import Anthropic from '@anthropic-ai/sdk';
import express from 'express';
import { refundTools, runRefundTool } from './tools/refunds.js';

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
const app = express();
app.use(express.json());

// The dispute desk's agent: a support person asks about a disputed charge, the agent may refund it.
app.post('/disputes/:id/resolve', async (req, res) => {
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: `Dispute ${req.params.id}: ${String(req.body.note ?? '')}` }];
  for (let turn = 0; turn < 8; turn++) {
    const reply = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, tools: refundTools, messages });
    messages.push({ role: 'assistant', content: reply.content });
    if (reply.stop_reason !== 'tool_use') {
      res.json({ answer: reply.content });
      return;
    }
    const results = [];
    for (const block of reply.content) {
      if (block.type === 'tool_use') results.push({ type: 'tool_result' as const, tool_use_id: block.id, content: JSON.stringify(await runRefundTool(block.name, block.input)) });
    }
    messages.push({ role: 'user', content: results });
  }
  res.status(504).json({ error: 'no decision in eight turns' });
});

app.listen(Number(process.env.PORT ?? 8080));
