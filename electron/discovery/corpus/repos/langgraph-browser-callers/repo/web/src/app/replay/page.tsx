"use client";

import { Client } from "@langchain/langgraph-sdk";
import { useState } from "react";

// Support leads replay a merchant's question against the deployed helper.
const client = new Client({ apiUrl: process.env.NEXT_PUBLIC_API_URL });

export default function ReplayPage() {
  const [output, setOutput] = useState<string[]>([]);
  async function replay(question: string) {
    const thread = await client.threads.create();
    const stream = client.runs.stream(thread.thread_id, "payout_helper", {
      input: { messages: [{ role: "user", content: question }] },
      streamMode: "messages-tuple",
    });
    for await (const chunk of stream) setOutput((lines) => [...lines, JSON.stringify(chunk.data)]);
  }
  return (
    <main>
      <button onClick={() => replay("Why has payout po_1042 not arrived?")}>Replay</button>
      <pre>{output.join("\n")}</pre>
    </main>
  );
}
