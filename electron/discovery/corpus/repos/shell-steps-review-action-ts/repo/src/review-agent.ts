import { readFile } from 'node:fs/promises';
import { query } from '@anthropic-ai/claude-agent-sdk';

/** Claude reads the diff and may edit files and run git to push small fixes. */
export async function runReview(eventPath: string): Promise<number> {
  const event = JSON.parse(await readFile(eventPath, 'utf8')) as { pull_request: { number: number; title: string } };
  let turns = 0;
  for await (const message of query({
    prompt: `Review pull request #${event.pull_request.number}: ${event.pull_request.title}. Fix typos you find and push them.`,
    options: { model: 'claude-sonnet-4-5', maxTurns: 20, allowedTools: ['Read', 'Grep', 'Edit', 'Bash(git commit:*)', 'Bash(git push:*)'] },
  })) {
    if (message.type === 'result') turns = message.num_turns;
  }
  return turns;
}
