import { LettaAgentClient, type CanUseToolCallback, type LettaCodeSession } from "@letta-ai/letta-agent-sdk";

/** One Letta Code session per Discord channel; the agent's tools run here, in the listener. */
export function createDisputeBridge(apiKey: string, agentId: string, toolsFor: (channelId: string) => unknown[]) {
  const client = new LettaAgentClient({ backend: "cloud", apiKey, requestTimeoutMs: 120_000 });
  const sessions = new Map<string, LettaCodeSession>();

  // Only the listener's own tools run unasked; anything else the agent reaches for is refused.
  const canUseTool: CanUseToolCallback = async (toolName) =>
    toolName.startsWith("dispute_") ? { behavior: "allow" } : { behavior: "deny", message: `${toolName} is not allowed from Discord.` };

  async function session(channelId: string): Promise<LettaCodeSession> {
    const open = sessions.get(channelId);
    if (open) return open;
    const conversation = await client.conversations.create({ agentId, summary: `discord:${channelId}` });
    const created = client.resumeSession(conversation.id, { permissionMode: "default", canUseTool, tools: toolsFor(channelId) });
    await created.ready();
    sessions.set(channelId, created);
    return created;
  }

  return {
    async ask(channelId: string, text: string): Promise<string> {
      const current = await session(channelId);
      await current.send(text);
      let answer = "";
      for await (const message of current.stream()) {
        if (message.type === "assistant") answer += String(message.content);
        if (message.type === "result") break;
      }
      return answer;
    },
  };
}
