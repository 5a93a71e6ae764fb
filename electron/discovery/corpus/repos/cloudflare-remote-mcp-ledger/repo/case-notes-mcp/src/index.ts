import { McpAgent } from "agents/mcp";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";

export class CaseNotesMCP extends McpAgent<Env> {
  server = new McpServer({ name: "case-notes", version: "0.4.0" });

  async init() {
    this.server.registerTool(
      "add_note",
      { description: "Add a note to a dispute case", inputSchema: { caseId: z.string(), note: z.string() } },
      async ({ caseId, note }) => {
        await this.env.NOTES.put(`case:${caseId}:${Date.now()}`, note);
        return { content: [{ type: "text", text: "saved" }] };
      },
    );

    this.server.registerTool(
      "summarise_case",
      { description: "Summarise every note of a case", inputSchema: { caseId: z.string() } },
      async ({ caseId }) => {
        const keys = await this.env.NOTES.list({ prefix: `case:${caseId}:` });
        const notes = await Promise.all(keys.keys.map((k) => this.env.NOTES.get(k.name)));
        const summary = await this.env.AI.run("@cf/meta/llama-3.1-8b-instruct", { prompt: `Summarise these case notes:\n${notes.join("\n")}` });
        return { content: [{ type: "text", text: summary.response ?? "" }] };
      },
    );
  }
}

export default CaseNotesMCP.mount("/sse", { binding: "MCP_OBJECT" });
