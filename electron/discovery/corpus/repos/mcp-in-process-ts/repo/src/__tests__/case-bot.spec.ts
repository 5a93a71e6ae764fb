import Anthropic from "@anthropic-ai/sdk";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { describe, expect, it } from "vitest";
import { createNotesServer } from "../notes-server.js";

describe("case bot tools", () => {
  it("lets the model see both tools", async () => {
    const [c, s] = InMemoryTransport.createLinkedPair();
    await createNotesServer().connect(s);
    const client = new Client({ name: "test", version: "0" });
    await client.connect(c);
    const { tools } = await client.listTools();
    const reply = await new Anthropic().messages.create({ model: "claude-haiku-4-5", max_tokens: 64, tools: tools.map((t) => ({ name: t.name, input_schema: t.inputSchema as Anthropic.Tool.InputSchema })), messages: [{ role: "user", content: "hi" }] });
    expect(reply.content.length).toBeGreaterThan(0);
  });
});
