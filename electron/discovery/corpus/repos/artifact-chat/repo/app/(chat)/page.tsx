'use client';

import { useChat } from '@ai-sdk/react';
import { Artifact } from '@/components/artifact';

export default function ChatPage() {
  const { messages, sendMessage, status } = useChat();
  return (
    <div>
      {messages.map((m) => (
        <div key={m.id}>{m.parts.map((p) => (p.type === 'text' ? p.text : null))}</div>
      ))}
      <Artifact messages={messages} status={status} />
      <button onClick={() => sendMessage({ text: 'Draft the Q3 card fee table' })}>Send</button>
    </div>
  );
}
