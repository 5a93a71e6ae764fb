import type { AgentInputItem } from '@openai/agents';

export default function ChatHistory({ items }: { items: AgentInputItem[] }) {
  return (
    <ul>
      {items.map((item, i) => (
        <li key={i}>{'role' in item ? item.role : item.type}</li>
      ))}
    </ul>
  );
}
