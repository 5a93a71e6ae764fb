import express from "express";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { WebClient } from "@slack/web-api";
import { z } from "zod";

const slack = new WebClient(process.env.SLACK_BOT_TOKEN);
const server = new McpServer({ name: "notify", version: "0.3.0" });

server.tool("post_to_support_channel", "Tell the support channel what changed", { text: z.string() }, async ({ text }) => {
  await slack.chat.postMessage({ channel: "#support-escalations", text });
  return { content: [{ type: "text", text: "posted" }] };
});

const app = express();
const transports: Record<string, SSEServerTransport> = {};

app.get("/sse", async (_req, res) => {
  const transport = new SSEServerTransport("/messages", res);
  transports[transport.sessionId] = transport;
  res.on("close", () => delete transports[transport.sessionId]);
  await server.connect(transport);
});

app.post("/messages", async (req, res) => {
  const transport = transports[String(req.query.sessionId)];
  if (transport) await transport.handlePostMessage(req, res);
  else res.status(400).send("unknown session");
});

app.listen(process.env.PORT || 3002);
