import { describe, expect, it } from 'vitest';
import { scanTreeFixture } from '../scan/test-scan-tree';

/**
 * Telegram bots whose client one module builds and another registers the handlers on (the
 * bot.ts / index.ts split of Telegraf and node-telegram-bot-api templates): whoever writes to the
 * bot writes what the handler reads, as when the client is built beside its handlers.
 */

const tree = scanTreeFixture('atw-chat-handlers-');

const ANSWER_TS = "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function answer(text: string) {\n  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });\n  return r.choices[0]?.message.content ?? '';\n}\n";

describe('message handlers registered on a bot client another module builds', () => {
  it('Telegraf: `bot.on("text")` in the entry of a bot built in bot.ts reads chat messages', async () => {
    tree.writeAll({
      'package.json': '{ "name": "helpdesk-bot", "scripts": { "start": "tsx src/index.ts" } }',
      'src/bot.ts': "import { Telegraf } from 'telegraf';\nexport const bot = new Telegraf(process.env.BOT_TOKEN!);\n",
      'src/answer.ts': ANSWER_TS,
      'src/index.ts': "import { bot } from './bot';\nimport { answer } from './answer';\n\nbot.start((ctx) => ctx.reply('Ask me anything.'));\nbot.on('text', async (ctx) => ctx.reply(await answer(ctx.message.text)));\nbot.launch();\n",
    });
    const { agents } = await tree.scan();
    expect(agents.map((a) => `${a.unit.path} ${(a.untrustedInputs ?? []).map((u) => `${u.kind} ${u.detail} ${u.evidence.path}:${u.evidence.line}`)}`)).toEqual(['src/index.ts chat-message bot.on(text) src/index.ts:5']);
  });

  it('node-telegram-bot-api: `bot.onText(...)` on an imported polling bot; a photo handler and an object that is no chat client read nothing', async () => {
    tree.writeAll({
      'src/bot.ts': "import TelegramBot from 'node-telegram-bot-api';\nexport const bot = new TelegramBot(process.env.BOT_TOKEN!, { polling: true });\nexport const events = new Map<string, number>();\n",
      'src/answer.ts': ANSWER_TS,
      'src/main.ts': "import { bot, events } from './bot';\nimport { answer } from './answer';\n\nbot.on('photo', (msg) => events.set('photo', msg.chat.id));\nbot.onText(/.+/, async (msg) => bot.sendMessage(msg.chat.id, await answer(msg.text ?? '')));\n",
    });
    const { agents } = await tree.scan();
    expect(agents.flatMap((a) => (a.untrustedInputs ?? []).map((u) => `${u.detail} ${u.evidence.line}`))).toEqual(['bot.onText() 5']);
  });
});
