import type { Message } from "@langchain/langgraph-sdk";
import { useState } from "react";
import { useStreamContext } from "@/providers/Stream";

export function Thread() {
  const stream = useStreamContext();
  const [draft, setDraft] = useState("");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        stream.submit({ messages: [{ type: "human", content: draft }] });
        setDraft("");
      }}
    >
      {stream.messages.map((message: Message) => (
        <p key={message.id}>{typeof message.content === "string" ? message.content : "…"}</p>
      ))}
      <input value={draft} onChange={(event) => setDraft(event.target.value)} />
    </form>
  );
}
