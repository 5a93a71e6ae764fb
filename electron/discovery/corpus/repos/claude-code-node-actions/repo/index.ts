import * as core from '@actions/core';
import { runClaudeAgent } from './agents/claude';

export async function main(): Promise<void> {
  const prompt = core.getInput('prompt', { required: true });
  const apiKey = core.getInput('anthropic_api_key');
  if (apiKey) process.env.ANTHROPIC_API_KEY = apiKey;
  const summary = await runClaudeAgent(prompt, process.env.GITHUB_WORKSPACE ?? process.cwd());
  await core.summary.addRaw(summary).write();
}

main().catch((error) => core.setFailed(error instanceof Error ? error.message : String(error)));
