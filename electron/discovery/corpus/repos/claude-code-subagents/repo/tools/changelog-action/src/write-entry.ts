import { query } from '@anthropic-ai/claude-agent-sdk';

export async function writeChangelogEntry(sinceTag: string): Promise<string> {
  let entry = '';
  for await (const message of query({
    prompt: `Write the CHANGELOG.md entry for the changes since ${sinceTag}. Group them by Added, Changed and Fixed.`,
    options: {
      model: 'claude-haiku-4-5',
      allowedTools: ['Bash(git log:*)', 'Bash(git diff:*)', 'Read', 'Edit'],
      maxTurns: 8,
    },
  })) {
    if (message.type === 'result' && message.subtype === 'success') entry = message.result;
  }
  return entry;
}
