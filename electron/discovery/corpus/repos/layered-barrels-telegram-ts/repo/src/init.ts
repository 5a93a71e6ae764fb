import { ChatService, RefundBot } from "./modules";

export async function init() {
  ChatService.init();
  RefundBot.init();
}
