import { describe, expect, it } from 'vitest';
import type { AgentDefinitionFinding } from '../findings';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { analyzeCode } from './analyze-code';
import { loadCodeParsers } from './parser';
import { analyzed, RULES } from './test-helpers';

/** kind, name, variable, members, tools: compact to compare. */
const summary = (definitions: AgentDefinitionFinding[] | undefined) =>
  (definitions ?? []).map((d) => [d.kind, d.name, d.variable, d.members.map((m) => `${m.relation}:${m.variable}`), d.tools]);

describe('agents of the single-agent SDKs a file creates', () => {
  it('reads a Google ADK root agent with sub_agents and an agent handed over as a tool, and makes the app module an entry point', async () => {
    const findings = await analyzed(
      'settlement_desk/agent.py',
      `from google.adk.agents import Agent
from google.adk.tools.agent_tool import AgentTool
from .sub_agents.disputes.agent import disputes_agent
from .sub_agents.payouts.agent import payouts_agent
from .tools import ledger_balance

fx_agent = Agent(name="fx_agent", model="gemini-2.5-flash", instruction="Quote FX.", tools=[ledger_balance])

root_agent = Agent(
    name="settlement_desk",
    model="gemini-2.5-flash",
    instruction="Route settlement questions.",
    sub_agents=[disputes_agent, payouts_agent],
    tools=[AgentTool(agent=fx_agent)],
)
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['adk-agent', 'fx_agent', 'fx_agent', [], ['ledger_balance']],
      ['adk-agent', 'settlement_desk', 'root_agent', ['sub-agent:disputes_agent', 'sub-agent:payouts_agent', 'sub-agent:fx_agent'], []],
    ]);
    expect(findings.entryPoint?.ruleId).toBe('code.entry-point.adk-root-agent');
    expect(findings.llm.map((use) => use.provider)).toContain('google');
  });

  it('reads an ADK SequentialAgent as wiring over its sub-agents; a module with no root_agent is no ADK app', async () => {
    const findings = await analyzed(
      'pipeline.py',
      `from google.adk.agents import LlmAgent, SequentialAgent

drafter = LlmAgent(name="drafter", model="gemini-2.5-flash")
checker = LlmAgent(name="checker", model="gemini-2.5-flash")
pipeline = SequentialAgent(name="review_pipeline", sub_agents=[drafter, checker])
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['adk-agent', 'drafter', 'drafter', [], []],
      ['adk-agent', 'checker', 'checker', [], []],
      ['adk-workflow', 'review_pipeline', 'pipeline', ['sub-agent:drafter', 'sub-agent:checker'], []],
    ]);
    expect(findings.entryPoint).toBeNull();
  });

  it('reads Agno agents, a Team over its members and an AgentOS serving agents and teams, with each model class its provider', async () => {
    const findings = await analyzed(
      'os_app.py',
      `from agno.agent import Agent
from agno.team import Team
from agno.os import AgentOS
from agno.models.anthropic import Claude
from agno.models.lmstudio import LMStudio
from agno.tools.duckduckgo import DuckDuckGoTools
from ledger.tools import refund_charge

researcher = Agent(name="Researcher", model=Claude(id="claude-sonnet-4-5"), tools=[DuckDuckGoTools()])
refunds = Agent(name="Refunds", model=LMStudio(id="qwen3-8b"), tools=[refund_charge])
desk = Team(name="Support desk", model=Claude(id="claude-sonnet-4-5"), members=[researcher, refunds])

agent_os = AgentOS(id="support-os", agents=[refunds], teams=[desk])
app = agent_os.get_app()

if __name__ == "__main__":
    agent_os.serve(app="os_app:app")
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['agno-agent', 'Researcher', 'researcher', [], ['DuckDuckGoTools']],
      ['agno-agent', 'Refunds', 'refunds', [], ['refund_charge']],
      ['agno-team', 'Support desk', 'desk', ['sub-agent:researcher', 'sub-agent:refunds'], []],
      ['agent-os', null, 'agent_os', ['sub-agent:refunds', 'sub-agent:desk'], []],
    ]);
    expect([...new Set(findings.llm.map((use) => use.provider))].sort()).toEqual(['anthropic', 'lmstudio']);
    expect(findings.frameworks.map((use) => use.framework)).toEqual(['agno']);
  });

  it("holds Agno's toolkits by their class: search and article readers bring in web pages, ShellTools a shell, PythonTools code execution", async () => {
    const findings = await analyzed(
      'agents/reader.py',
      `from agno.agent import Agent
from agno.models.ollama import Ollama
from agno.tools.newspaper4k import Newspaper4kTools
from agno.tools.hackernews import HackerNewsTools
from agno.tools.shell import ShellTools
from agno.tools.python import PythonTools

reader = Agent(name="Article Reader", model=Ollama(id="devstral"), tools=[Newspaper4kTools(cache_results=True), HackerNewsTools()])
operator = Agent(name="Operator", model=Ollama(id="devstral"), tools=[ShellTools(), PythonTools()])
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['agno-agent', 'Article Reader', 'reader', [], ['Newspaper4kTools', 'HackerNewsTools']],
      ['agno-agent', 'Operator', 'operator', [], ['ShellTools', 'PythonTools']],
    ]);
    expect((findings.untrustedInputs ?? []).map((input) => `${input.kind} ${input.tool}`)).toEqual(['web-page Newspaper4kTools', 'web-page HackerNewsTools']);
    expect(findings.capabilities.map((capability) => `${capability.kind} ${capability.tool}`).sort()).toEqual(['code-execution PythonTools', 'shell-exec ShellTools']);
  });

  it('reads a Strands agent on Bedrock and a BedrockAgentCoreApp entrypoint as a server', async () => {
    const findings = await analyzed(
      'app/main.py',
      `from bedrock_agentcore.runtime import BedrockAgentCoreApp
from strands import Agent, tool
from strands.models import BedrockModel

app = BedrockAgentCoreApp()

@tool
def hold_payout(payout_id: str) -> str:
    """Hold a payout."""
    return payout_id

@app.entrypoint
async def invoke(payload, context):
    agent = Agent(model=BedrockModel(model_id="us.anthropic.claude-sonnet-4-20250514-v1:0"), tools=[hold_payout])
    return agent(payload["prompt"])
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([['strands-agent', null, 'agent', [], ['hold_payout']]]);
    expect(findings.entryPoint?.ruleId).toBe('py.entry-point.route-decorator');
    expect([...new Set(findings.llm.map((use) => use.provider))]).toEqual(['bedrock']);
    expect(findings.tools.map((tool) => tool.name)).toEqual(['hold_payout']);
  });

  it('reads OpenAI Swarm handoffs from functions of the file that return another agent, and the agent a wrapper is run with', async () => {
    const findings = await analyzed(
      'desk.py',
      `from swarm import Swarm, Agent

def transfer_to_refunds():
    """Hand the customer to refunds."""
    return refunds_agent

def transfer_back_to_triage():
    return triage_agent

def issue_refund(item_id: str):
    return "ok"

triage_agent = Agent(name="Triage", instructions="Route.", functions=[transfer_to_refunds])
refunds_agent = Agent(name="Refunds", instructions="Refund.", functions=[issue_refund, transfer_back_to_triage])

def run_desk(starting_agent, messages):
    client = Swarm()
    agent = starting_agent
    return client.run(agent=agent, messages=messages)

if __name__ == "__main__":
    run_desk(triage_agent, [])
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['swarm-agent', 'Triage', 'triage_agent', ['handoff-to:refunds_agent'], ['transfer_to_refunds']],
      ['swarm-agent', 'Refunds', 'refunds_agent', ['handoff-to:triage_agent'], ['issue_refund', 'transfer_back_to_triage']],
    ]);
    expect(findings.agentsRun).toContain('triage_agent');
    expect(findings.llm.map((use) => use.provider)).toContain('openai');
  });

  it('reads a LlamaIndex AgentWorkflow with its root agent and can_handoff_to names', async () => {
    const findings = await analyzed(
      'workflow.py',
      `from llama_index.core.agent.workflow import AgentWorkflow, FunctionAgent
from llama_index.llms.openai import OpenAI

llm = OpenAI(model="gpt-4.1-mini")
lookup = FunctionAgent(name="LookupAgent", llm=llm, tools=[], can_handoff_to=["ReplyAgent"])
reply = FunctionAgent(name="ReplyAgent", llm=llm, tools=[])
workflow = AgentWorkflow(agents=[lookup, reply], root_agent=lookup.name)
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['llamaindex-agent', 'LookupAgent', 'lookup', ['handoff-to:name:ReplyAgent'], []],
      ['llamaindex-agent', 'ReplyAgent', 'reply', [], []],
      ['llamaindex-workflow', null, 'workflow', ['sub-agent:lookup', 'sub-agent:reply'], []],
    ]);
    expect(findings.agentDefinitions?.[2]?.entryMember).toBe('lookup');
  });

  it('reads LlamaIndex.TS agent() and multiAgent({ rootAgent }) with a model package as the provider', async () => {
    const findings = await analyzed(
      'src/desk.ts',
      `import { agent, multiAgent } from "@llamaindex/workflow";
import { openai } from "@llamaindex/openai";
import { ledgerTool } from "./tools";

const llm = openai({ model: "gpt-4.1-mini" });
export const triage = agent({ name: "TriageAgent", llm, tools: [], canHandoffTo: ["LedgerAgent"] });
export const ledger = agent({ name: "LedgerAgent", llm, tools: [ledgerTool], canHandoffTo: [triage] });
export const desk = multiAgent({ agents: [triage, ledger], rootAgent: triage });
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['llamaindex-agent', 'TriageAgent', 'triage', ['handoff-to:name:LedgerAgent'], []],
      ['llamaindex-agent', 'LedgerAgent', 'ledger', ['handoff-to:triage'], ['ledgerTool']],
      ['llamaindex-workflow', null, 'desk', ['sub-agent:triage', 'sub-agent:ledger'], []],
    ]);
    expect(findings.agentDefinitions?.[2]?.entryMember).toBe('triage');
    expect(findings.llm.map((use) => use.provider)).toEqual(['openai']);
  });

  it('reads AI SDK agent classes built by factories (tools spread from an MCP client too), and not one given no tools (a structured call)', async () => {
    const findings = await analyzed(
      'src/agents/desk.ts',
      `import { Experimental_Agent as Agent, Output, stepCountIs } from "ai";
import { z } from "zod";
import { lookupCharge, refundCharge } from "@/tools/charges";

export async function createRefundAgent(model: any) {
  return new Agent({ model, tools: { lookupCharge, refundCharge }, stopWhen: stepCountIs(5) });
}

export function createClassifier(model: any) {
  return new Agent({ model, experimental_output: Output.object({ schema: z.object({ intent: z.string() }) }) });
}

export function createMcpAgent(model: any, mcpTools: Record<string, any>) {
  return new Agent({ model, tools: { ...mcpTools } });
}
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['ai-sdk-agent', null, null, [], ['lookupCharge', 'refundCharge']],
      ['ai-sdk-agent', null, null, [], []],
    ]);
    expect(findings.agentDefinitions?.map((definition) => definition.factory)).toEqual(['createRefundAgent', 'createMcpAgent']);
  });

  it('takes an AI SDK agent class given `tools: {}` (a one-step summarizer) for one model call: no definition, not agentic', async () => {
    const findings = await analyzed(
      'lib/agents/summarizer.ts',
      `import { Experimental_Agent as Agent, stepCountIs } from "ai";
import { google } from "@ai-sdk/google";

export async function createSummarizerAgent() {
  return new Agent({ model: google("gemini-2.5-flash-lite"), system: "Summarize the turn.", tools: {}, stopWhen: stepCountIs(1) });
}
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([]);
    expect(findings.agentic).toBe(false);
    expect(findings.llm.map((use) => use.provider)).toEqual(['google']);
    // The same class given a spread of tools it cannot list is still an agent.
    const spread = await analyzed('lib/agents/mcp.ts', `import { ToolLoopAgent } from "ai";\nexport const make = (model: any, mcpTools: any) => new ToolLoopAgent({ model, tools: { ...mcpTools } });\n`);
    expect(spread.agentic).toBe(true);
  });

  it('reads a VoltAgent supervisor with its subAgents, one wrapped by createSubagent, each agent with its own tools', async () => {
    const findings = await analyzed(
      'src/index.ts',
      `import { Agent, VoltAgent, createSubagent } from "@voltagent/core";
import { honoServer } from "@voltagent/server-hono";
import { lookupChargeTool, refundChargeTool } from "./tools/charges";
import { letterWriter } from "./agents/letter-writer";

const investigator = new Agent({
  name: "investigator",
  instructions: "Collect the evidence of a chargeback.",
  model: "openai/gpt-4o-mini",
  tools: [lookupChargeTool],
});

const supervisor = new Agent({
  name: "chargeback-supervisor",
  instructions: "Coordinate the investigator and the letter writer.",
  model: "openai/gpt-4o-mini",
  tools: [refundChargeTool],
  subAgents: [investigator, createSubagent({ agent: letterWriter, method: "generateText" })],
});

new VoltAgent({ agents: { supervisor }, server: honoServer() });
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['voltagent-agent', 'investigator', 'investigator', [], ['lookupChargeTool']],
      ['voltagent-agent', 'chargeback-supervisor', 'supervisor', ['sub-agent:investigator', 'sub-agent:letterWriter'], ['refundChargeTool']],
      ['voltagent-app', null, null, ['sub-agent:supervisor'], []],
    ]);
  });

  it('reads the VoltAgent server as wiring over the agents it registers by key, and a registry object imported from another module as that module whole (Mastra too)', async () => {
    const volt = await analyzed(
      'src/index.ts',
      `import { VoltAgent } from "@voltagent/core";
import { honoServer } from "@voltagent/server-hono";
import { intakeAgent, refundAgent } from "./agents";

new VoltAgent({ agents: { intake: intakeAgent, refunds: refundAgent }, server: honoServer() });
`,
    );
    expect(summary(volt.agentDefinitions)).toEqual([['voltagent-app', null, null, ['sub-agent:intakeAgent', 'sub-agent:refundAgent'], []]]);
    const mastra = await analyzed(
      'src/mastra/index.ts',
      `import { Mastra } from "@mastra/core/mastra";
import { mastraAgents } from "./agents";

export const mastra = new Mastra({ agents: mastraAgents });
`,
    );
    expect(summary(mastra.agentDefinitions)).toEqual([['mastra-app', null, 'mastra', ['sub-agent:module:./agents'], []]]);
  });

  it('reads an Inngest AgentKit network as wiring over its agents and its routing agent, and an agent made inside a function', async () => {
    const findings = await analyzed(
      'src/inngest/functions.ts',
      `import { anthropic, createAgent, createNetwork, createRoutingAgent } from "@inngest/agent-kit";
import { inngest } from "./client";
import { historyTool, refundTool } from "./tools";

const investigator = createAgent({ name: "investigator", system: "Gather the history.", tools: [historyTool] });
const resolver = createAgent({ name: "resolver", system: "Decide.", tools: [refundTool] });
const triage = createRoutingAgent({ name: "triage-router", system: "Pick the next agent.", model: anthropic({ model: "claude-sonnet-4-5" }) });

export const resolveDispute = inngest.createFunction({ id: "resolve-dispute" }, { event: "disputes/opened" }, async ({ event, step }) => {
  const network = createNetwork({ name: "dispute-network", agents: [investigator, resolver], router: triage, defaultModel: anthropic({ model: "claude-sonnet-4-5" }) });
  return network.run(event.data.summary);
});
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['agentkit-agent', 'investigator', 'investigator', [], ['historyTool']],
      ['agentkit-agent', 'resolver', 'resolver', [], ['refundTool']],
      ['agentkit-agent', 'triage-router', 'triage', [], []],
      ['agentkit-network', 'dispute-network', 'network', ['sub-agent:investigator', 'sub-agent:resolver', 'sub-agent:triage'], []],
    ]);
  });

  it('reads a Mastra app as wiring over the agents and networks it registers by key, a namespace import of agents whole or spread, and serving one agent as that agent', async () => {
    const app = await analyzed(
      'src/mastra/index.ts',
      `import { Mastra } from "@mastra/core/mastra";
import { PinoLogger } from "@mastra/loggers";
import * as agents from "./agents";
import { payoutNetwork } from "./networks/payout-network";
import { reconcileWorkflow } from "./workflows/reconcile";

export const mastra = new Mastra({
  agents,
  workflows: { reconcileWorkflow },
  vnext_networks: { "payout-network": payoutNetwork },
  logger: new PinoLogger({ name: "Mastra", level: "info" }),
});
`,
    );
    expect(summary(app.agentDefinitions)).toEqual([['mastra-app', null, 'mastra', ['sub-agent:module:./agents', 'sub-agent:payoutNetwork'], []]]);
    expect(app.agentDefinitions?.[0]?.entryMember).toBeUndefined();
    const spread = await analyzed('src/mastra/index.ts', `import { Mastra } from "@mastra/core";
import * as agents from "./agents";
import { ledgerAgent } from "./ledger/agent";

export const mastra = new Mastra({ agents: { ...agents, ledger: ledgerAgent } });
`);
    expect(summary(spread.agentDefinitions)).toEqual([['mastra-app', null, 'mastra', ['sub-agent:ledgerAgent', 'sub-agent:module:./agents'], []]]);
    const single = await analyzed('src/mastra/index.ts', `import { Mastra } from "@mastra/core";
import { kycReviewer } from "./agents/kyc-reviewer";

export const mastra = new Mastra({ agents: { kycReviewer } });
`);
    expect(single.agentDefinitions?.[0]?.entryMember).toBe('kycReviewer');
    const network = await analyzed(
      'src/mastra/networks/payout-network.ts',
      `import { NewAgentNetwork } from "@mastra/core/network/vNext";
import { Agent } from "@mastra/core/agent";
import { openai } from "@ai-sdk/openai";
import { holdPayoutTool, payoutStatusTool } from "../tools";
import { ledgerAgent } from "../agents/ledger-agent";

const payoutAgent = new Agent({ name: "Payout Agent", instructions: "Hold or release payouts.", model: openai("gpt-4o-mini"), tools: { holdPayoutTool, status: payoutStatusTool } });

export const payoutNetwork = new NewAgentNetwork({
  id: "payout-network",
  name: "Payout Network",
  instructions: "Route payout questions.",
  model: openai("gpt-4o"),
  agents: { payoutAgent, ledgerAgent },
});
`,
    );
    expect(summary(network.agentDefinitions)).toEqual([
      ['mastra-agent', 'Payout Agent', 'payoutAgent', [], ['holdPayoutTool', 'payoutStatusTool']],
      ['mastra-network', 'Payout Network', 'payoutNetwork', ['sub-agent:payoutAgent', 'sub-agent:ledgerAgent'], []],
    ]);
  });

  it('reads a Semantic Kernel ChatCompletionAgent with its plugins', async () => {
    const findings = await analyzed(
      'agent.py',
      `from semantic_kernel.agents import ChatCompletionAgent
from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion
from plugins import LedgerPlugin

agent = ChatCompletionAgent(service=OpenAIChatCompletion(ai_model_id="gpt-4o-mini"), name="LedgerAgent", plugins=[LedgerPlugin()])
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([['sk-agent', 'LedgerAgent', 'agent', [], []]]);
  });

  it('knows DSPy and Haystack: ReAct over tools and a Haystack Agent are agentic, a ChainOfThought alone is a model call', async () => {
    const react = await analyzed('settle.py', `import dspy\n\ndspy.configure(lm=dspy.LM("anthropic/claude-sonnet-4-5"))\n\ndef refund(charge_id: str) -> str:\n    return charge_id\n\nsettle = dspy.ReAct("instructions -> report", tools=[refund])\n`);
    expect([react.agentic, react.frameworks.map((use) => use.framework), react.llm.map((use) => use.provider)]).toEqual([true, ['dspy'], ['anthropic']]);
    const chain = await analyzed('summary.py', `import dspy\n\ndspy.configure(lm=dspy.LM("openai/gpt-4.1-mini"))\nsummarise = dspy.ChainOfThought("note -> summary")\n`);
    expect([chain.agentic, chain.llm.map((use) => use.provider)]).toEqual([false, ['openai']]);
    const haystack = await analyzed(
      'helpdesk.py',
      `from haystack.components.agents import Agent\nfrom haystack.components.generators.chat import OpenAIChatGenerator\nfrom haystack.tools import tool\n\n@tool\ndef page_oncall(summary: str) -> str:\n    """Page on-call."""\n    return summary\n\nagent = Agent(chat_generator=OpenAIChatGenerator(model="gpt-4.1-mini"), tools=[page_oncall])\n`,
    );
    expect([haystack.agentic, haystack.frameworks.map((use) => use.framework), haystack.tools.map((t) => t.name)]).toEqual([true, ['haystack'], ['page_oncall']]);
  });

  it('reads Microsoft Agent Framework agents made by a chat client or ChatAgent, and an AgentFunctionApp serving some of them', async () => {
    const findings = await analyzed(
      'function_app.py',
      `from agent_framework import ChatAgent
from agent_framework.azure import AgentFunctionApp, AzureOpenAIChatClient
from agent_framework.openai import OpenAIChatClient
from azure.identity import DefaultAzureCredential
from ledger.tools import hold_payout


def lookup_charge(charge_id: str) -> dict:
    """Look up a card charge."""
    return {"id": charge_id}


chat_client = AzureOpenAIChatClient(credential=DefaultAzureCredential())
disputes = chat_client.create_agent(name="DisputeAgent", instructions="Explain disputes.", tools=[lookup_charge])
payouts = ChatAgent(chat_client=OpenAIChatClient(model_id="gpt-4o-mini"), name="PayoutAgent", tools=[hold_payout])
triage = AzureOpenAIChatClient(credential=DefaultAzureCredential()).as_agent(name="TriageAgent", instructions="Route.")

app = AgentFunctionApp(agents=[disputes, payouts], enable_health_check=True)
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['maf-agent', 'DisputeAgent', 'disputes', [], ['lookup_charge']],
      ['maf-agent', 'PayoutAgent', 'payouts', [], ['hold_payout']],
      ['maf-agent', 'TriageAgent', 'triage', [], []],
      ['maf-function-app', null, 'app', ['sub-agent:disputes', 'sub-agent:payouts'], []],
    ]);
    expect([...new Set(findings.llm.map((use) => use.provider))].sort()).toEqual(['azure-openai', 'openai']);
    expect([...new Set(findings.frameworks.map((use) => use.framework))]).toEqual(['microsoft-agent-framework']);
    expect(findings.agentic).toBe(true);
    // The Azure Functions host serves the module that builds the AgentFunctionApp.
    expect(findings.entryPoint?.ruleId).toBe('py.entry-point.server-start');
  });

  it('knows agents of the Azure AI Foundry Agent Service: defined with tools by this code, run on Azure', async () => {
    const routed = await analyzed(
      'app/function_app.py',
      `import os
import azure.functions as func
from azure.ai.projects import AIProjectClient
from azure.identity import DefaultAzureCredential

app = func.FunctionApp()


@app.route(route="explain", auth_level=func.AuthLevel.FUNCTION)
def explain(req: func.HttpRequest) -> func.HttpResponse:
    project = AIProjectClient.from_connection_string(credential=DefaultAzureCredential(), conn_str=os.environ["PROJECT_CONNECTION_STRING"])
    agent = project.agents.create_agent(model="gpt-4o-mini", name="dispute-explainer", instructions="Explain disputes.", tools=[{"type": "azure_function", "azure_function": {"function": {"name": "LookupCharge"}}}])
    thread = project.agents.create_thread()
    project.agents.create_message(thread_id=thread.id, role="user", content=req.get_json()["prompt"])
    run = project.agents.create_and_process_run(thread_id=thread.id, agent_id=agent.id)
    return func.HttpResponse(str(run.status))
`,
    );
    expect([...new Set(routed.llm.map((use) => use.provider))]).toEqual(['azure-openai']);
    expect([...new Set(routed.frameworks.map((use) => use.framework))]).toEqual(['azure-ai-agents']);
    expect(routed.agentic).toBe(true);
    expect(routed.entryPoint?.ruleId).toBe('py.entry-point.route-decorator');
    const client = await analyzed(
      'jobs/nightly_review.py',
      `import os
from azure.ai.agents import AgentsClient
from azure.identity import DefaultAzureCredential

agents = AgentsClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential())
reviewer = agents.create_agent(model="gpt-4.1", name="payout-reviewer", instructions="Review held payouts.")
thread = agents.threads.create()
agents.runs.create_and_process(thread_id=thread.id, agent_id=reviewer.id)
`,
    );
    expect([...new Set(client.frameworks.map((use) => use.framework))]).toEqual(['azure-ai-agents']);
    expect(client.llm.map((use) => use.provider)).toContain('azure-openai');
    // A project client used only for its other services (a deployment's chat client, evaluations) defines no agent.
    const inference = await analyzed(
      'jobs/score_tickets.py',
      `import os
from azure.ai.projects import AIProjectClient
from azure.identity import DefaultAzureCredential

project = AIProjectClient(endpoint=os.environ["PROJECT_ENDPOINT"], credential=DefaultAzureCredential())
connections = project.connections.list()
print([c.name for c in connections])
`,
    );
    expect(inference.frameworks).toEqual([]);
    expect(inference.agentic).toBe(false);
  });

  it('keeps a barrel the scan deepens (analysed although it imports no SDK) a barrel', async () => {
    await loadCodeParsers();
    const deepened = (text: string) => analyzeCode('src/agents/ledger/index.ts', text, RULES, TEST_FINGERPRINT_KEY, undefined, { skipPrefilter: true });
    expect(deepened(`/** The ledger agent. */\nexport { ledgerAgent } from "./agent";\n`)?.reexportsOnly).toBe(true);
    expect(deepened(`export { ledgerAgent } from "./agent";\nexport const version = "1";\n`)?.reexportsOnly).toBeUndefined();
  });
});
