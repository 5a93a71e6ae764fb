import { useState } from 'react';
import { run, type AgentInputItem } from '@openai/agents';
import { budgetCoach } from './agents/budgetCoach';
import ChatHistory from './components/ChatHistory';
import './lib/openai';

export default function App() {
  const [history, setHistory] = useState<AgentInputItem[]>([]);
  const [draft, setDraft] = useState('');

  async function send() {
    const input: AgentInputItem[] = [...history, { role: 'user', content: draft }];
    const result = await run(budgetCoach, input);
    setHistory(result.history);
    setDraft('');
  }

  return (
    <main>
      <ChatHistory items={history} />
      <textarea value={draft} onChange={(e) => setDraft(e.target.value)} />
      <button onClick={send}>Ask</button>
    </main>
  );
}
