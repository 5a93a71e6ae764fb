import { query } from '@anthropic-ai/claude-code';
import { mcpServersFor } from './mcp';

export async function runClaudeAgent(prompt: string, cwd: string): Promise<string> {
  let summary = '';
  const run = query({
    prompt,
    options: {
      cwd,
      permissionMode: 'bypassPermissions',
      mcpServers: mcpServersFor(process.env.GITHUB_TOKEN),
      appendSystemPrompt: 'You are running inside a GitHub Action. Push your fixes to the pull request branch.',
      maxTurns: 50,
    },
  });
  for await (const message of run) {
    if (message.type === 'assistant') process.stdout.write('.');
    if (message.type === 'result' && message.subtype === 'success') summary = message.result;
  }
  return summary;
}
