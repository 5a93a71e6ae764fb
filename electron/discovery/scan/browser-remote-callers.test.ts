import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { scanTreeFixture } from './test-scan-tree';

/**
 * A web page that streams runs of a deployed LangGraph graph (`useStream` from
 * `@langchain/langgraph-sdk/react`, or the SDK's `Client` used in a page) is a remote caller of
 * that graph: listed as such and linked to it, neither an agent nor lost.
 */
const tree = scanTreeFixture('atw-browser-callers-');

const summary = (agents: DiscoveredAgent[]) =>
  agents.map((a) => `${a.classification} ${a.unit.kind} ${a.unit.name} -> ${(a.links ?? []).map((l) => `${l.relation}:${l.name}`).sort().join(',')}`).sort();

const GRAPH = `from langgraph.prebuilt import create_react_agent

graph = create_react_agent("openai:gpt-4.1", tools=[], prompt="Answer questions about payouts.")
`;

describe('browser callers of a LangGraph deployment', () => {
  it('a Next.js page reaching useStream through a provider, and a Vite entry whose App calls useStream, are remote callers linked to the graph', async () => {
    tree.writeAll({
      'langgraph.json': JSON.stringify({ graphs: { payouts: './agent/graph.py:graph' } }),
      'agent/graph.py': GRAPH,
      'web/package.json': JSON.stringify({ name: 'payouts-chat', dependencies: { next: '15.3.0', '@langchain/langgraph-sdk': '0.0.84' } }),
      'web/src/app/page.tsx': `"use client";
import { StreamProvider } from "../providers/Stream";
import { Thread } from "../components/thread";

export default function Page() {
  return (
    <StreamProvider>
      <Thread />
    </StreamProvider>
  );
}
`,
      'web/src/providers/Stream.tsx': `"use client";
import { createContext, useContext, type ReactNode } from "react";
import { useStream } from "@langchain/langgraph-sdk/react";
import type { Message } from "@langchain/langgraph-sdk";

type StreamContextType = ReturnType<typeof useStream<{ messages: Message[] }>>;
const StreamContext = createContext<StreamContextType | undefined>(undefined);

export function StreamProvider({ children }: { children: ReactNode }) {
  const stream = useStream<{ messages: Message[] }>({
    apiUrl: process.env.NEXT_PUBLIC_API_URL ?? "http://localhost:2024",
    assistantId: "payouts",
    messagesKey: "messages",
  });
  return <StreamContext.Provider value={stream}>{children}</StreamContext.Provider>;
}

export const useStreamContext = () => useContext(StreamContext)!;
`,
      'web/src/components/thread.tsx': `import type { Message } from "@langchain/langgraph-sdk";
import { useStreamContext } from "../providers/Stream";

export function Thread() {
  const stream = useStreamContext();
  return <ul>{stream.messages.map((m: Message) => <li key={m.id}>{String(m.content)}</li>)}</ul>;
}
`,
      'vite-ui/package.json': JSON.stringify({ name: 'payouts-vite', dependencies: { vite: '6.0.0', '@langchain/langgraph-sdk': '0.0.84' } }),
      'vite-ui/src/main.tsx': `import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./App";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
`,
      'vite-ui/src/App.tsx': `import { useStream } from "@langchain/langgraph-sdk/react";
import type { Message } from "@langchain/langgraph-sdk";

export default function App() {
  const thread = useStream<{ messages: Message[] }>({
    apiUrl: import.meta.env.DEV ? "http://localhost:2024" : "http://localhost:8123",
    assistantId: "payouts",
    messagesKey: "messages",
  });
  return <button onClick={() => thread.submit({ messages: [{ type: "human", content: "hi" }] })}>Ask</button>;
}
`,
    });
    const { agents } = await tree.scan();
    expect(summary(agents)).toEqual([
      'agent langgraph-graph payouts -> caller:vite-ui,caller:web',
      'remote-caller code-entry-point vite-ui/src/main.tsx -> remote-agent:payouts',
      'remote-caller code-entry-point web/src/app/page.tsx -> remote-agent:payouts',
    ]);
    const page = agents.find((a) => a.unit.name === 'web/src/app/page.tsx')!;
    expect(page.entryPoints).toContain('web/src/providers/Stream.tsx');
    expect(page.trigger.kind).toBe('user');
    expect(page.remoteAgent).toMatchObject({ platform: 'langgraph-platform', name: 'payouts' });
  });

  it('a client page starting runs with the SDK Client is a remote caller; a page that only renders SDK types is nothing', async () => {
    tree.writeAll({
      'langgraph.json': JSON.stringify({ graphs: { payouts: './agent/graph.py:graph' } }),
      'agent/graph.py': GRAPH,
      'web/app/ask/page.tsx': `"use client";
import { Client } from "@langchain/langgraph-sdk";
import { useState } from "react";

const client = new Client({ apiUrl: process.env.NEXT_PUBLIC_LANGGRAPH_URL });

export default function AskPage() {
  const [answer, setAnswer] = useState("");
  async function ask(question: string) {
    const thread = await client.threads.create();
    for await (const chunk of client.runs.stream(thread.thread_id, "payouts", { input: { messages: [{ role: "user", content: question }] }, streamMode: "values" })) {
      setAnswer(JSON.stringify(chunk.data));
    }
  }
  return <button onClick={() => ask("Where is my payout?")}>{answer || "Ask"}</button>;
}
`,
      'web/app/history/page.tsx': `"use client";
import type { Message, Thread } from "@langchain/langgraph-sdk";

export default function History({ threads }: { threads: Thread[] }) {
  return <ul>{threads.map((t) => <li key={t.thread_id}>{(t.values as { messages: Message[] }).messages.length}</li>)}</ul>;
}
`,
      'web/app/__tests__/ask.test.tsx': `import { useStream } from "@langchain/langgraph-sdk/react";
export function Probe() {
  useStream({ apiUrl: "http://localhost:2024", assistantId: "payouts" });
  return null;
}
`,
    });
    const { agents } = await tree.scan();
    expect(summary(agents)).toEqual(['agent langgraph-graph payouts -> caller:web/ask', 'remote-caller code-entry-point web/app/ask/page.tsx -> remote-agent:payouts']);
  });
});
