import { Client, Events, GatewayIntentBits } from 'discord.js';
import OpenAI from 'openai';

const openai = new OpenAI();
const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] });

client.on(Events.MessageCreate, async (message) => {
  if (message.author.bot || !message.mentions.has(client.user!)) return;
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    messages: [
      { role: 'system', content: 'You answer questions about Northwind payouts in one paragraph.' },
      { role: 'user', content: message.content },
    ],
  });
  await message.reply(completion.choices[0]?.message.content ?? 'No answer.');
});

client.login(process.env.DISCORD_TOKEN);
