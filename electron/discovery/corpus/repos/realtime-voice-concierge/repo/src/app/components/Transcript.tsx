'use client';

import React, { useState } from 'react';
import type { RealtimeItem } from '@openai/agents/realtime';
import { type TransportEvent } from '@openai/agents/realtime';

export interface TranscriptProps {
  items?: RealtimeItem[];
  lastEvent?: TransportEvent;
  onSend: (text: string) => void;
}

/** Renders the conversation; it only reads the SDK's types. */
export default function Transcript({ items = [], onSend }: TranscriptProps) {
  const [draft, setDraft] = useState('');
  return (
    <div className="transcript">
      {items.map((item) => (
        <div key={item.itemId} className={item.type === 'message' ? 'message' : 'event'}>
          {item.type === 'message' ? item.role : item.type}
        </div>
      ))}
      <input value={draft} onChange={(e) => setDraft(e.target.value)} />
      <button onClick={() => { onSend(draft); setDraft(''); }}>Send</button>
    </div>
  );
}
