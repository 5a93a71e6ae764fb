import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { Octokit } from "@octokit/rest";
import { z } from "zod";

const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });
const server = new McpServer({ name: "pr-bot-comments", version: "1.0.0" });

server.tool("update_comment", "Replace the bot's reply comment", { commentId: z.number(), body: z.string() }, async ({ commentId, body }) => {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? "/").split("/");
  await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
  return { content: [{ type: "text", text: "updated" }] };
});

await server.connect(new StdioServerTransport());
