import { Client, GatewayIntentBits, Partials } from 'discord.js';
import { answerDispute } from './disputes.js';

export const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
  partials: [Partials.Channel],
});

client.once('ready', (ready) => console.log(`Logged in as ${ready.user.tag}`));

// Merchants ask the dispute desk in the community server or by direct message.
client.on('messageCreate', async (message) => {
  if (message.author.bot || !(message.mentions.has(client.user!) || message.channel.isDMBased())) return;
  await message.reply(await answerDispute(message.author.id, message.content));
});
