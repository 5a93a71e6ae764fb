'use client';

import { useChat } from '@ai-sdk/react';
import { useState } from 'react';

export default function HelpPage() {
  const { messages, sendMessage, status } = useChat();
  const [input, setInput] = useState('');

  return (
    <main className="help-chat">
      {messages.map((message) => (
        <p key={message.id} className={message.role}>
          {message.parts.map((part) => (part.type === 'text' ? part.text : null))}
        </p>
      ))}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          sendMessage({ text: input });
          setInput('');
        }}
      >
        <input value={input} onChange={(event) => setInput(event.target.value)} disabled={status !== 'ready'} placeholder="Ask about a payment" />
      </form>
    </main>
  );
}
