"""Answers analysts' questions about dispute rules in the team's Discord channel (Heroku worker-style dyno)."""
import os

import discord
from openai import OpenAI

intents = discord.Intents.default()
intents.message_content = True
client = discord.Client(intents=intents)
llm = OpenAI()


@client.event
async def on_message(message: discord.Message):
    if message.author.bot or not client.user or client.user not in message.mentions:
        return
    reply = llm.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "You explain Visa and Mastercard dispute rules to payment analysts."},
            {"role": "user", "content": message.content},
        ],
    )
    await message.channel.send(reply.choices[0].message.content or "")


client.run(os.environ["DISCORD_TOKEN"])
