import Anthropic from '@anthropic-ai/sdk';
import express from 'express';
import { disputeTools, runDisputeTool } from './tools/disputes.js';

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
const app = express();
app.use(express.json());

// The desk agent answers a support person's question about a card dispute, looking disputes up as it goes.
app.post('/disputes/ask', async (req, res) => {
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: String(req.body.question ?? '') }];
  for (let turn = 0; turn < 6; turn++) {
    const reply = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, tools: disputeTools, messages });
    messages.push({ role: 'assistant', content: reply.content });
    if (reply.stop_reason !== 'tool_use') {
      res.json({ answer: reply.content });
      return;
    }
    const results = [];
    for (const block of reply.content) {
      if (block.type === 'tool_use') results.push({ type: 'tool_result' as const, tool_use_id: block.id, content: JSON.stringify(await runDisputeTool(block.name, block.input)) });
    }
    messages.push({ role: 'user', content: results });
  }
  res.status(504).json({ error: 'no answer in six turns' });
});

app.listen(Number(process.env.PORT ?? 8080));
