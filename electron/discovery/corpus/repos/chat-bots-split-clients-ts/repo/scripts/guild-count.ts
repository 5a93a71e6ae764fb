import { Client, GatewayIntentBits } from 'discord.js';

// Prints how many servers the bot is in, for the community report.
const client = new Client({ intents: [GatewayIntentBits.Guilds] });
client.once('ready', () => {
  console.log(client.guilds.cache.size);
  client.destroy();
});
client.login(process.env.DISCORD_TOKEN);
