import * as core from '@actions/core';
import * as github from '@actions/github';

const SIXTY_DAYS = 60 * 24 * 60 * 60 * 1000;

async function run(): Promise<void> {
  const octokit = github.getOctokit(core.getInput('github_token'));
  const { data: issues } = await octokit.rest.issues.listForRepo({ ...github.context.repo, state: 'open', per_page: 100 });
  for (const issue of issues) {
    if (Date.now() - new Date(issue.updated_at).getTime() < SIXTY_DAYS) continue;
    await octokit.rest.issues.update({ ...github.context.repo, issue_number: issue.number, state: 'closed' });
  }
}

run().catch((error) => core.setFailed(String(error)));
