import { REST, Routes, SlashCommandBuilder } from 'discord.js';

// Registers the desk's slash commands with Discord; run once per release.
const commands = [new SlashCommandBuilder().setName('dispute').setDescription('Ask the dispute desk about a charge').toJSON()];
const rest = new REST().setToken(process.env.DISCORD_TOKEN!);
await rest.put(Routes.applicationCommands(process.env.DISCORD_APP_ID!), { body: commands });
