import Anthropic from "@anthropic-ai/sdk";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { createNotesServer } from "./notes-server.js";

const anthropic = new Anthropic();

/** Summarises each new dispute case into a note, with the case-notes tools hosted in this process. */
async function main(): Promise<void> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await createNotesServer().connect(serverTransport);
  const mcp = new Client({ name: "case-bot", version: "1.2.0" });
  await mcp.connect(clientTransport);
  const { tools } = await mcp.listTools();

  const messages: Anthropic.MessageParam[] = [{ role: "user", content: `Summarise case ${process.argv[2]} into a note.` }];
  for (let turn = 0; turn < 8; turn++) {
    const reply = await anthropic.messages.create({
      model: "claude-sonnet-4-5",
      max_tokens: 1024,
      tools: tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.inputSchema as Anthropic.Tool.InputSchema })),
      messages,
    });
    messages.push({ role: "assistant", content: reply.content });
    if (reply.stop_reason !== "tool_use") break;
    const results: Anthropic.ToolResultBlockParam[] = [];
    for (const block of reply.content) {
      if (block.type !== "tool_use") continue;
      const result = await mcp.callTool({ name: block.name, arguments: block.input as Record<string, unknown> });
      results.push({ type: "tool_result", tool_use_id: block.id, content: JSON.stringify(result.content) });
    }
    messages.push({ role: "user", content: results });
  }
  await mcp.close();
}

main();
