'use client';

import { useChat } from '@ai-sdk/react';
import { useState } from 'react';

export default function DisputeHelp() {
  const { messages, sendMessage } = useChat();
  const [input, setInput] = useState('');
  return (
    <main>
      {messages.map((message) => (
        <p key={message.id}>{message.parts.map((part) => (part.type === 'text' ? part.text : '')).join('')}</p>
      ))}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          sendMessage({ text: input });
          setInput('');
        }}
      >
        <input value={input} onChange={(event) => setInput(event.target.value)} placeholder="Your dispute reference" />
      </form>
    </main>
  );
}
