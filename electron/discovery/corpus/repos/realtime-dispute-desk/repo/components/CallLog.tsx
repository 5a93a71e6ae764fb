'use client';

import { type RealtimeItem } from '@openai/agents-realtime';

export default function CallLog({ items = [] }: { items?: RealtimeItem[] }) {
  return (
    <ol>
      {items.map((item) => (
        <li key={item.itemId}>{item.type}</li>
      ))}
    </ol>
  );
}
