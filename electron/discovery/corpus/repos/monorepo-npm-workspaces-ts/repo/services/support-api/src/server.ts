import express from 'express';
import OpenAI from 'openai';
import { sendCustomerEmail } from './mailer.js';

const openai = new OpenAI();
const app = express();
app.use(express.json());

const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'email_customer',
      description: 'Send the customer a reply by email',
      parameters: { type: 'object', properties: { to: { type: 'string' }, subject: { type: 'string' }, body: { type: 'string' } }, required: ['to', 'subject', 'body'] },
    },
  },
];

// An agent drafts and sends replies to support requests an agent on the desk hands it.
app.post('/requests/:id/reply', async (req, res) => {
  const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
    { role: 'system', content: 'You answer Acme Pay customers. Email the customer once you have a complete answer.' },
    { role: 'user', content: String(req.body.request ?? '') },
  ];
  for (let step = 0; step < 5; step++) {
    const completion = await openai.chat.completions.create({ model: 'gpt-4.1', messages, tools });
    const message = completion.choices[0]!.message;
    messages.push(message);
    if (!message.tool_calls?.length) return res.json({ reply: message.content });
    for (const call of message.tool_calls) {
      const args = JSON.parse(call.function.arguments);
      const sent = await sendCustomerEmail(args.to, args.subject, args.body);
      messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(sent) });
    }
  }
  return res.status(504).json({ error: 'no reply in five steps' });
});

app.listen(Number(process.env.PORT ?? 4000));
