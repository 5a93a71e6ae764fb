import logging

from discord import DMChannel, Message

from discordpay.client import client
from discordpay.disputes.desk import answer_dispute_message
from discordpay.settings import get_settings

logger = logging.getLogger(__name__)
settings = get_settings()


@client.event
async def on_ready():
    logger.info("Logged in as %s", client.user)
    settings.CLIENT_USER_ID = client.user.id


@client.event
async def on_message(message: Message):
    if not client.user or message.author == client.user:
        return
    if isinstance(message.channel, DMChannel) or client.user.mentioned_in(message):
        await answer_dispute_message(message)


client.run(settings.DISCORD_BOT_TOKEN.get_secret_value())
