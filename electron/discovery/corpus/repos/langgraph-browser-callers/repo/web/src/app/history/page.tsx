"use client";

import type { Message, Thread } from "@langchain/langgraph-sdk";

// Renders saved threads handed in by the server; no run is started here.
export default function HistoryPage({ threads = [] }: { threads?: Thread<{ messages: Message[] }>[] }) {
  return (
    <ul>
      {threads.map((thread) => (
        <li key={thread.thread_id}>{thread.values?.messages.length ?? 0} messages</li>
      ))}
    </ul>
  );
}
