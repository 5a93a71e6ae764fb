import { WebClient } from '@slack/web-api';

// Posts the review summary to the team channel; not wired into the action yet.
const slack = new WebClient(process.env.SLACK_BOT_TOKEN);

export async function postSummary(text: string): Promise<void> {
  await slack.chat.postMessage({ channel: '#pr-reviews', text });
}

await postSummary(process.argv[2] ?? 'Review finished');
