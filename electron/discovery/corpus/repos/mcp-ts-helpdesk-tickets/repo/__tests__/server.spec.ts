import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import OpenAI from 'openai';
import { expect, it } from 'vitest';

it('answers a question with the ticket tools', async () => {
  const client = new Client({ name: 'spec', version: '0.0.0' });
  await client.connect(new StdioClientTransport({ command: 'npx', args: ['tsx', 'src/index.ts'] }));
  const { tools } = await client.listTools();
  const openai = new OpenAI();
  const reply = await openai.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: `Which tool closes a ticket? ${tools.map((t) => t.name).join(', ')}` }] });
  expect(reply.choices[0]?.message.content).toContain('close_ticket');
});
