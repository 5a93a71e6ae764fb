import type { SDKMessage } from '@anthropic-ai/claude-code';

/** Shows the transcript of a Frogbot run on the dashboard; the run itself happened in CI. */
export function RunLog({ messages }: { messages: SDKMessage[] }) {
  return (
    <ol className="run-log">
      {messages.map((message, i) => (
        <li key={i} className={`run-log__${message.type}`}>
          {message.type === 'result' ? `Finished after ${message.num_turns} turns` : message.type}
        </li>
      ))}
    </ol>
  );
}
