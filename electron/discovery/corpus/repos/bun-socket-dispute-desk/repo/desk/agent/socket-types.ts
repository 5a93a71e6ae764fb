import type { ServerWebSocket } from "bun";
import type { SDKMessage } from "@anthropic-ai/claude-agent-sdk";

export interface SocketData {
  sessionId?: string;
}

export type DeskSocket = ServerWebSocket<SocketData>;
export type DeskMessage = SDKMessage;
