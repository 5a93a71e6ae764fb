const { App } = require('@slack/bolt');
const Anthropic = require('@anthropic-ai/sdk');

const app = new App({ token: process.env.SLACK_BOT_TOKEN, signingSecret: process.env.SLACK_SIGNING_SECRET });
const anthropic = new Anthropic();

// Someone mentions the bot in a support channel: it answers from the thread, once.
app.event('app_mention', async ({ event, client }) => {
  const thread = await client.conversations.replies({ channel: event.channel, ts: event.thread_ts ?? event.ts });
  const reply = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 500,
    messages: [{ role: 'user', content: `Answer the question at the end of this support thread:\n${thread.messages.map((m) => m.text).join('\n')}` }],
  });
  await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: reply.content[0].text });
});

(async () => {
  await app.start(Number(process.env.PORT ?? 3000));
})();
