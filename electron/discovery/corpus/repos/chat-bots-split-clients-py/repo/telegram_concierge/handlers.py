import anthropic
from telegram import Update
from telegram.ext import ContextTypes

claude = anthropic.AsyncAnthropic()


async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Merchants write to the concierge bot; it answers once, from Northwind's help-centre tone."""
    reply = await claude.messages.create(
        model="claude-haiku-4-5",
        max_tokens=400,
        system="You are Northwind Pay's merchant concierge. Answer briefly; never promise refunds.",
        messages=[{"role": "user", "content": update.message.text}],
    )
    await update.message.reply_text(reply.content[0].text)
