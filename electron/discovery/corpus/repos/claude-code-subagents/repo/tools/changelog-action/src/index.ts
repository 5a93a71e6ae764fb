import * as core from '@actions/core';
import { writeChangelogEntry } from './write-entry';

async function main(): Promise<void> {
  const sinceTag = core.getInput('since_tag', { required: true });
  process.env.ANTHROPIC_API_KEY = core.getInput('anthropic_api_key', { required: true });
  const entry = await writeChangelogEntry(sinceTag);
  core.setOutput('entry', entry);
}

main().catch((error) => core.setFailed(String(error)));
