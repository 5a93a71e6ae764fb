import { Client, GatewayIntentBits } from "discord.js";
import { createDisputeBridge } from "./letta/bridge.ts";
import { disputeTools } from "./discord/tools.ts";

const discord = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] });
const bridge = createDisputeBridge(process.env.LETTA_API_KEY!, process.env.LETTA_AGENT_ID!, () => disputeTools());

discord.on("messageCreate", async (message) => {
  if (message.author.bot || !message.mentions.has(discord.user!)) return;
  const reply = await bridge.ask(message.channelId, `${message.author.username}: ${message.content}`);
  await message.reply(reply);
});

discord.login(process.env.DISCORD_TOKEN);
