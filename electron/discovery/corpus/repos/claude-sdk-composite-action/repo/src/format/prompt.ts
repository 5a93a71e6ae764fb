import type { RunContext } from '../github/context';

export function buildPrompt(context: RunContext): string {
  return [
    `You are working on ${context.owner}/${context.repo}, issue or pull request #${context.issueNumber}: ${context.title}.`,
    'Answer the request in the comment below. Commit your changes on the current branch.',
    '<comment>',
    context.commentBody,
    '</comment>',
  ].join('\n');
}
