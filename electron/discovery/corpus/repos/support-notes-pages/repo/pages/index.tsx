import { useState } from 'react';
import NotesPanel from '../components/NotesPanel';

export default function Home() {
  const [reply, setReply] = useState('');
  async function ask(message: string) {
    const res = await fetch('/api/assistant', { method: 'POST', body: JSON.stringify({ message }) });
    setReply((await res.json()).text);
  }
  return (
    <main>
      <NotesPanel onAsk={ask} />
      <p>{reply}</p>
    </main>
  );
}
