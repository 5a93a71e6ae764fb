import * as core from '@actions/core';
import * as github from '@actions/github';
import Anthropic from '@anthropic-ai/sdk';

const AREAS = ['ledger', 'payouts', 'auth', 'docs', 'infra'];

async function run(): Promise<void> {
  const issue = github.context.payload.issue;
  if (!issue) return;
  const anthropic = new Anthropic({ apiKey: core.getInput('anthropic_api_key') });
  const reply = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 20,
    messages: [{ role: 'user', content: `Which one of ${AREAS.join(', ')} is this issue about? Answer with the word only.\n\n${issue.title}\n\n${issue.body ?? ''}` }],
  });
  const block = reply.content[0];
  const area = block?.type === 'text' ? block.text.trim() : '';
  if (!AREAS.includes(area)) return;
  const octokit = github.getOctokit(core.getInput('github_token'));
  await octokit.rest.issues.addLabels({ ...github.context.repo, issue_number: issue.number, labels: [area] });
}

run().catch((error) => core.setFailed(String(error)));
