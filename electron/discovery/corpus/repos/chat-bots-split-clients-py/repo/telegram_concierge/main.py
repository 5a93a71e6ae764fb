from telegram.ext import MessageHandler, filters

from telegram_concierge.bot import application
from telegram_concierge.handlers import answer

application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, answer))
application.run_polling()
