import { agent } from '@llamaindex/workflow';
import { tool } from 'llamaindex';
import { WebClient } from '@slack/web-api';
import { z } from 'zod';
import { llm } from '../model';
import { triageAgent } from '../triage';

const slack = new WebClient(process.env.SLACK_BOT_TOKEN);

const postToOps = tool({
  name: 'postToOps',
  description: 'Post an alert to the #payments-ops channel.',
  parameters: z.object({ text: z.string() }),
  execute: async ({ text }) => {
    await slack.chat.postMessage({ channel: '#payments-ops', text });
    return 'posted';
  },
});

export const notifyAgent = agent({
  name: 'NotifyAgent',
  description: 'Raises alerts with the payments ops team.',
  llm,
  tools: [postToOps],
  canHandoffTo: [triageAgent],
});
