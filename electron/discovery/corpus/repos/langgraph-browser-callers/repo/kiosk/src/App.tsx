import type { Message } from "@langchain/langgraph-sdk";
import { useStream } from "@langchain/langgraph-sdk/react";

export default function App() {
  const thread = useStream<{ messages: Message[] }>({
    apiUrl: import.meta.env.DEV ? "http://localhost:2024" : "https://payout-helper.northwind.example",
    assistantId: "payout_helper",
    messagesKey: "messages",
  });
  return (
    <section>
      {thread.messages.map((m) => (
        <p key={m.id}>{String(m.content)}</p>
      ))}
      <button onClick={() => thread.submit({ messages: [{ type: "human", content: "When does my payout arrive?" }] })}>Ask</button>
    </section>
  );
}
