import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runClaudeWithSdk, type ClaudeRunOptions } from './run-claude-sdk';

export interface ClaudeRunResult {
  conclusion: 'success' | 'failure';
  executionFile: string;
}

export async function runClaude(prompt: string, options: ClaudeRunOptions): Promise<ClaudeRunResult> {
  const messages = await runClaudeWithSdk(prompt, options);
  const executionFile = join(process.env.RUNNER_TEMP ?? '/tmp', 'claude-execution-output.json');
  await writeFile(executionFile, JSON.stringify(messages, null, 2));
  const last = messages[messages.length - 1];
  const ok = last?.type === 'result' && last.subtype === 'success';
  return { conclusion: ok ? 'success' : 'failure', executionFile };
}
