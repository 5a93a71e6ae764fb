import OpenAI from 'openai';
import { WebClient } from '@slack/web-api';

const openai = new OpenAI();
const slack = new WebClient(process.env.SLACK_BOT_TOKEN);

// Yesterday's disputes, summarised for the risk channel every weekday morning.
const response = await fetch('https://desk.internal.northwind-pay.example/disputes/opened?since=24h', {
  headers: { authorization: `Bearer ${process.env.DESK_API_TOKEN}` },
});
const disputes = await response.json();

const completion = await openai.chat.completions.create({
  model: 'gpt-4.1-mini',
  messages: [
    { role: 'system', content: 'Summarise card disputes for the risk team: totals, merchants that stand out, anything urgent.' },
    { role: 'user', content: JSON.stringify(disputes) },
  ],
});

await slack.chat.postMessage({ channel: '#risk-disputes', text: completion.choices[0]?.message.content ?? 'No summary today.' });
