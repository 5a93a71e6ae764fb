import { useState } from 'react';
import { run } from '@openai/agents';
import { helpDesk } from './agents.js';

export default function App() {
  const [answer, setAnswer] = useState('');
  const [question, setQuestion] = useState('');

  // Account questions go to the server's payments triage; everything else is answered here.
  async function ask() {
    if (/refund|charge|account/i.test(question)) {
      const res = await fetch('/api/triage', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ message: question }) });
      setAnswer((await res.json()).reply);
      return;
    }
    const result = await run(helpDesk, question);
    setAnswer(result.finalOutput);
  }

  return (
    <div>
      <input value={question} onChange={(e) => setQuestion(e.target.value)} />
      <button onClick={ask}>Ask</button>
      <p>{answer}</p>
    </div>
  );
}
