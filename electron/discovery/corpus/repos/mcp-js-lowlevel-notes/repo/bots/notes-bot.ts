// Slack bot that answers "what did we decide about X?" from the team notes, through the notes MCP server.
import { openai } from '@ai-sdk/openai';
import { App } from '@slack/bolt';
import { experimental_createMCPClient, generateText, stepCountIs } from 'ai';
import { Experimental_StdioMCPTransport } from 'ai/mcp-stdio';

const app = new App({ token: process.env.SLACK_BOT_TOKEN, signingSecret: process.env.SLACK_SIGNING_SECRET });

app.event('app_mention', async ({ event, say }) => {
  const notes = await experimental_createMCPClient({
    transport: new Experimental_StdioMCPTransport({ command: 'node', args: ['server.js'] }),
  });
  try {
    const { text } = await generateText({
      model: openai('gpt-4.1'),
      tools: await notes.tools(),
      stopWhen: stepCountIs(5),
      prompt: event.text,
    });
    await say(text);
  } finally {
    await notes.close();
  }
});

await app.start(Number(process.env.PORT ?? 3000));
