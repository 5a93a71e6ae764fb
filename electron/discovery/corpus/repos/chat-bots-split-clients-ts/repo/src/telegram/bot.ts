import Anthropic from '@anthropic-ai/sdk';
import { Telegraf } from 'telegraf';

const anthropic = new Anthropic();

export const bot = new Telegraf(process.env.TELEGRAM_BOT_TOKEN!);

bot.start((ctx) => ctx.reply('Ask me anything about your Northwind Pay account.'));

// One Claude answer per message, in the help centre's tone.
bot.on('text', async (ctx) => {
  const reply = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 400,
    system: "You are Northwind Pay's merchant concierge. Answer briefly; never promise refunds.",
    messages: [{ role: 'user', content: ctx.message.text }],
  });
  await ctx.reply(reply.content[0]?.type === 'text' ? reply.content[0].text : 'Sorry, try again.');
});
