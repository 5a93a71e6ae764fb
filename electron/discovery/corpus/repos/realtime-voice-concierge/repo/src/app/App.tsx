'use client';

import React, { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import type { RealtimeAgent } from '@openai/agents/realtime';

import Transcript from './components/Transcript';
import { useRealtimeSession } from './hooks/useRealtimeSession';
import { allAgentSets, defaultAgentSetKey } from './agentConfigs';

type SessionStatus = 'DISCONNECTED' | 'CONNECTING' | 'CONNECTED';

function App() {
  const searchParams = useSearchParams();
  const [status, setStatus] = useState<SessionStatus>('DISCONNECTED');
  const [selectedAgentName, setSelectedAgentName] = useState<string>('');
  const [agents, setAgents] = useState<RealtimeAgent[] | null>(null);
  const audioElement = useRef<HTMLAudioElement | null>(null);
  const { connect, disconnect, sendUserText } = useRealtimeSession({ onConnectionChange: (s) => setStatus(s as SessionStatus) });

  useEffect(() => {
    const key = searchParams.get('agentConfig') ?? defaultAgentSetKey;
    const list = allAgentSets[key] ?? allAgentSets[defaultAgentSetKey];
    setAgents(list);
    setSelectedAgentName(list[0]?.name ?? '');
  }, [searchParams]);

  // The browser never holds the real key: the server mints a short-lived one.
  const fetchEphemeralKey = async (): Promise<string | null> => {
    const tokenResponse = await fetch('/api/session');
    const data = await tokenResponse.json();
    if (!data.client_secret?.value) {
      console.error('No ephemeral key provided by the server');
      setStatus('DISCONNECTED');
      return null;
    }
    return data.client_secret.value;
  };

  const connectToRealtime = async () => {
    if (!agents || status !== 'DISCONNECTED') return;
    setStatus('CONNECTING');
    const ordered = [...agents.filter((a) => a.name === selectedAgentName), ...agents.filter((a) => a.name !== selectedAgentName)];
    await connect({ getEphemeralKey: fetchEphemeralKey, initialAgents: ordered, audioElement: audioElement.current ?? undefined });
  };

  return (
    <div className="flex flex-col h-screen">
      <button onClick={status === 'CONNECTED' ? disconnect : connectToRealtime}>{status === 'CONNECTED' ? 'Hang up' : 'Call support'}</button>
      <Transcript onSend={sendUserText} />
      <audio ref={audioElement} autoPlay />
    </div>
  );
}

export default App;
