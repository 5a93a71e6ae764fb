import { useState } from 'react';
import type { CoreMessage } from 'ai';

export default function NotesPanel({ onAsk, history = [] }: { onAsk: (m: string) => void; history?: CoreMessage[] }) {
  const [text, setText] = useState('');
  return (
    <div>
      <span>{history.length} earlier messages</span>
      <input value={text} onChange={(e) => setText(e.target.value)} />
      <button onClick={() => onAsk(text)}>Ask</button>
    </div>
  );
}
