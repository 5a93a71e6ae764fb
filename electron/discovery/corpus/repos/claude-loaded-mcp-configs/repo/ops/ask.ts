import { query } from "@anthropic-ai/claude-agent-sdk";

// A person's own questions: their user settings only, nothing of this repository's configuration.
const question = process.argv.slice(2).join(" ");
for await (const message of query({ prompt: question, options: { settingSources: ["user"] } })) {
  if (message.type === "result") console.log(message.result);
}
