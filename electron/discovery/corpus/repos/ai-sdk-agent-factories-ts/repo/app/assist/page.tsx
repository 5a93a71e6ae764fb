'use client';
import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';

export default function AssistPage() {
  const { messages, sendMessage } = useChat({ transport: new DefaultChatTransport({ api: '/api/assist' }) });
  return (
    <main>
      {messages.map((m) => (
        <p key={m.id}>{m.parts.map((p) => (p.type === 'text' ? p.text : '')).join('')}</p>
      ))}
      <button onClick={() => sendMessage({ text: 'Why was my payout late?' })}>Ask</button>
    </main>
  );
}
