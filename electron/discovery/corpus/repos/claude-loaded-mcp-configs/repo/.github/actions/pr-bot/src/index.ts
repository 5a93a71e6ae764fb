import * as core from "@actions/core";
import { query } from "@anthropic-ai/claude-agent-sdk";
import { buildMcpServers } from "./install-mcp";

async function run(): Promise<void> {
  const mcpServers = buildMcpServers(core.getInput("github_token"));
  const prompt = `Answer the comment: ${process.env.COMMENT_BODY ?? ""}`;
  for await (const message of query({
    prompt,
    options: { mcpServers, allowedTools: ["mcp__github_comment__update_comment", "mcp__github__get_pull_request"], maxTurns: 15 },
  })) {
    if (message.type === "result") core.setOutput("result", message.result);
  }
}

run().catch((error) => core.setFailed(String(error)));
