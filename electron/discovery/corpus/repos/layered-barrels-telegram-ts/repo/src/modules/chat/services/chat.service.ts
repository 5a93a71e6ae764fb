import { RefundAgent } from "../../agent";

export class ChatService {
  private static instance: ChatService;

  static init() {
    if (!this.instance) this.instance = new ChatService(new RefundAgent());
  }

  static get(): ChatService {
    return this.instance;
  }

  private constructor(private readonly agent: RefundAgent) {}

  answer(text: string, merchantId: string) {
    return this.agent.prompt(text, merchantId);
  }
}
