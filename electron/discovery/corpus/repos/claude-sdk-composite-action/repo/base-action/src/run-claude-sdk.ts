import { query } from '@anthropic-ai/claude-agent-sdk';
import type { SDKMessage, Options } from '@anthropic-ai/claude-agent-sdk';

export interface ClaudeRunOptions {
  model?: string;
  maxTurns?: number;
  extraAllowedTools: string[];
}

// Tools the review needs without asking anyone; the workflow may add more.
const BASE_ALLOWED_TOOLS = ['Read', 'Glob', 'Grep', 'Edit', 'Write', 'Bash(git add:*)', 'Bash(git commit:*)', 'Bash(git push:*)', 'mcp__github_comment__update_claude_comment'];

export async function runClaudeWithSdk(prompt: string, options: ClaudeRunOptions): Promise<SDKMessage[]> {
  const sdkOptions: Options = {
    model: options.model ?? 'claude-sonnet-4-5',
    maxTurns: options.maxTurns ?? 30,
    allowedTools: BASE_ALLOWED_TOOLS,
    permissionMode: 'default',
    mcpServers: {
      github_comment: {
        command: 'bun',
        args: ['run', `${process.env.GITHUB_ACTION_PATH}/src/mcp/github-comment-server.ts`],
        env: { GITHUB_TOKEN: process.env.GITHUB_TOKEN ?? '' },
      },
    },
    pathToClaudeCodeExecutable: process.env.CLAUDE_CODE_EXECUTABLE,
  };
  if (options.extraAllowedTools.length > 0) sdkOptions.allowedTools = [...BASE_ALLOWED_TOOLS, ...options.extraAllowedTools];

  const messages: SDKMessage[] = [];
  for await (const message of query({ prompt, options: sdkOptions })) {
    messages.push(message);
    if (message.type === 'system' && message.subtype === 'init') console.log(`Claude Code started with ${message.tools.length} tools`);
    if (message.type === 'result') console.log(`Finished: ${message.subtype} after ${message.num_turns} turns`);
  }
  return messages;
}
