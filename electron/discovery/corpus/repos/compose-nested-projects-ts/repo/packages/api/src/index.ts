// Answers merchants' payout questions: Claude looks payouts up with the tools below before replying.
import Anthropic from '@anthropic-ai/sdk';
import express from 'express';
import { PAYOUT_TOOLS, runPayoutTool } from './payout-tools';

const anthropic = new Anthropic();
const app = express();
app.use(express.json());

app.post('/assistant', async (req, res) => {
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: String(req.body.question ?? '') }];
  for (let turn = 0; turn < 5; turn++) {
    const reply = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 1024, tools: PAYOUT_TOOLS, messages });
    if (reply.stop_reason !== 'tool_use') {
      res.json({ answer: reply.content.find((b) => b.type === 'text')?.text ?? '' });
      return;
    }
    messages.push({ role: 'assistant', content: reply.content });
    const results: Anthropic.ToolResultBlockParam[] = [];
    for (const block of reply.content) {
      if (block.type === 'tool_use') results.push({ type: 'tool_result', tool_use_id: block.id, content: JSON.stringify(await runPayoutTool(block.name, block.input)) });
    }
    messages.push({ role: 'user', content: results });
  }
  res.status(504).json({ error: 'no answer' });
});

app.listen(Number(process.env.PORT ?? 8080));
