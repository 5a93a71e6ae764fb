import type { DeskSocket } from "./socket-types";
import { DisputeClient } from "./dispute-client";

// One analyst conversation: resumes the SDK session between questions.
export class DisputeSession {
  private readonly client = new DisputeClient();
  private readonly sockets = new Set<DeskSocket>();
  private sdkSessionId: string | null = null;

  constructor(public readonly id: string) {}

  subscribe(ws: DeskSocket) {
    ws.data.sessionId = this.id;
    this.sockets.add(ws);
  }

  unsubscribe(ws: DeskSocket) {
    this.sockets.delete(ws);
  }

  async ask(text: string): Promise<void> {
    for await (const message of this.client.stream(text, this.sdkSessionId)) {
      if (message.type === "system" && message.subtype === "init") this.sdkSessionId = message.session_id;
      for (const ws of this.sockets) ws.send(JSON.stringify(message));
    }
  }
}
