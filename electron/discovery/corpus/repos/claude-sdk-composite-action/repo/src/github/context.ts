import { Octokit } from '@octokit/rest';

export interface RunContext {
  owner: string;
  repo: string;
  issueNumber: number;
  commentBody: string;
  title: string;
}

export async function fetchContext(token: string): Promise<RunContext> {
  const octokit = new Octokit({ auth: token });
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '/').split('/') as [string, string];
  const issueNumber = Number(process.env.ISSUE_NUMBER);
  const { data: issue } = await octokit.rest.issues.get({ owner, repo, issue_number: issueNumber });
  return { owner, repo, issueNumber, commentBody: process.env.COMMENT_BODY ?? '', title: issue.title };
}
