import { Agent, callable, routeAgentRequest } from "agents";
import { createWorkersAI } from "workers-ai-provider";
import { generateText, stepCountIs } from "ai";

type OpsState = { lastAnswer: string | null };

// The disputes desk asks it about a case; it reads and writes case notes through the MCP server.
export class OpsAgent extends Agent<Env, OpsState> {
  initialState: OpsState = { lastAnswer: null };

  async onStart() {
    await this.addMcpServer("case-notes", "https://case-notes-mcp.northwind.workers.dev/sse", this.env.HOST);
  }

  @callable()
  async ask(question: string) {
    const workersai = createWorkersAI({ binding: this.env.AI });
    const { text } = await generateText({
      model: workersai("@cf/meta/llama-3.3-70b-instruct-fp8-fast"),
      system: "You help the disputes desk keep case notes tidy. Use the case-notes tools.",
      prompt: question,
      tools: this.mcp.getAITools(),
      stopWhen: stepCountIs(4),
    });
    this.setState({ lastAnswer: text });
    return text;
  }
}

export default {
  async fetch(request: Request, env: Env) {
    return (await routeAgentRequest(request, env)) ?? new Response("Not found", { status: 404 });
  },
} satisfies ExportedHandler<Env>;
