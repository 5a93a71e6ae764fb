import TelegramBot from "node-telegram-bot-api";
import { ChatService } from "../chat";

export class RefundBot {
  private static bot: TelegramBot;

  static init() {
    const bot = new TelegramBot(process.env.TELEGRAM_BOT_TOKEN ?? "", { polling: true });
    bot.on("message", async (msg) => {
      if (!msg.text) return;
      const answer = await ChatService.get().answer(msg.text, String(msg.chat.id));
      await bot.sendMessage(msg.chat.id, answer);
    });
    this.bot = bot;
  }
}
