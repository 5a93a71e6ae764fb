import { useAgent } from "agents/react";
import { useAgentChat } from "@cloudflare/ai-chat/react";
import { useState } from "react";
import { createRoot } from "react-dom/client";

function Chat() {
  const agent = useAgent({ agent: "dispute-chat" });
  const { messages, sendMessage, addToolResult } = useAgentChat({
    agent,
    onToolCall: async ({ toolCall }) => {
      if (toolCall.toolName === "getCustomerTimezone") {
        addToolResult({ tool: "getCustomerTimezone", toolCallId: toolCall.toolCallId, output: Intl.DateTimeFormat().resolvedOptions().timeZone });
      }
    },
  });
  const [draft, setDraft] = useState("");
  return (
    <main>
      {messages.map((m) => (
        <p key={m.id}>{m.parts.map((part) => (part.type === "text" ? part.text : "")).join("")}</p>
      ))}
      <form onSubmit={(e) => { e.preventDefault(); sendMessage({ text: draft }); setDraft(""); }}>
        <input value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Which charge do you not recognise?" />
      </form>
    </main>
  );
}

createRoot(document.getElementById("root")!).render(<Chat />);
