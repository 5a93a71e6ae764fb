// Files merchant messages and returns a one-line gist. The message store is held by a getter too;
// its `messages.create({ …, tools })` records which inbox tools a person may apply, it calls no model.
import Anthropic from '@anthropic-ai/sdk';
import express from 'express';
import { MessageStore } from './message-store';

const anthropic = new Anthropic();

class Inbox {
  private tools = ['archive', 'flag', 'assign'];

  get store(): MessageStore {
    return new MessageStore(process.env.DATABASE_URL!);
  }

  async file(merchantId: string, body: string): Promise<string> {
    await this.store.messages.create({ merchantId, body, tools: this.tools });
    const gist = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 60, messages: [{ role: 'user', content: `One-line gist of this merchant message:\n${body}` }] });
    return gist.content[0]?.type === 'text' ? gist.content[0].text : '';
  }
}

const inbox = new Inbox();
const app = express();
app.use(express.json());
app.post('/merchants/:id/messages', async (req, res) => {
  res.json({ gist: await inbox.file(req.params.id, String(req.body.body ?? '')) });
});
app.listen(Number(process.env.PORT ?? 8080));
