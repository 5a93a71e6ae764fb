"""Posts a summary of the #payments-standup thread when someone types !summary."""
import os

import discord
from anthropic import Anthropic
from discord.ext import commands

intents = discord.Intents.default()
intents.message_content = True
bot = commands.Bot(command_prefix="!", intents=intents)
claude = Anthropic()


@bot.command(name="summary")
async def summary(ctx: commands.Context) -> None:
    history = [message.content async for message in ctx.channel.history(limit=100)]
    response = claude.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=600,
        messages=[{"role": "user", "content": "Summarise today's standup:\n" + "\n".join(reversed(history))}],
    )
    await ctx.send(response.content[0].text)


bot.run(os.environ["DISCORD_STANDUP_TOKEN"])
