import { describe, expect, it } from 'vitest';
import type { CodeFindings } from '../findings';
import { ruleCatalog } from '../rules/rule-catalog';
import { bundledCodeRules } from './bundled-code-rules';
import { analyzed } from './test-helpers';

const targets = (findings: CodeFindings) => (findings.remoteAgents ?? []).map((t) => [t.platform, t.name, t.url, t.evidence.line]);

describe('calls that start a run of an agent deployed elsewhere', () => {
  it('reads a Bedrock AgentCore runtime invocation (Python and TypeScript) with the runtime the ARN names', async () => {
    const python = await analyzed(
      'a2a_tools/research.py',
      `import json
import boto3

def research(topic: str) -> str:
    client = boto3.client("bedrock-agentcore", region_name="eu-west-1")
    response = client.invoke_agent_runtime(
        agentRuntimeArn="arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/northwind_ResearchAgent-a1B2c3D4e5",
        payload=json.dumps({"prompt": topic}).encode(),
    )
    return response["response"].read().decode()
`,
    );
    expect(targets(python)).toEqual([['bedrock-agentcore', 'northwind_ResearchAgent', null, 6]]);
    const script = await analyzed(
      'backend/invoke.mjs',
      `import { BedrockAgentCoreClient, InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
const client = new BedrockAgentCoreClient({});
export const handler = async (event) => {
  const response = await client.send(new InvokeAgentRuntimeCommand({ agentRuntimeArn: process.env.AGENT_RUNTIME_ARN, payload: event.body }));
  return { statusCode: 200, body: await response.response.transformToString() };
};
`,
    );
    expect(targets(script)).toEqual([['bedrock-agentcore', 'AGENT_RUNTIME_ARN', null, 4]]);
    expect(script.llm).toEqual([]);
  });

  it('reads messages sent to a Letta agent (Python and TypeScript) with the agent id and the server URL: the agent runs on the Letta server', async () => {
    const python = await analyzed(
      'bots/notes_bot.py',
      `import os
from letta_client import Letta

client = Letta(base_url="https://letta.internal.example.com", token=os.environ["LETTA_TOKEN"])


def ask(text: str) -> str:
    response = client.agents.messages.create(agent_id=os.environ["LETTA_AGENT_ID"], messages=[{"role": "user", "content": text}])
    return response.messages[-1].content
`,
    );
    expect(targets(python)).toEqual([['letta', 'LETTA_AGENT_ID', 'https://letta.internal.example.com', 8]]);
    expect(python.llm).toEqual([]);
    expect(python.agentic).toBe(false);
    const script = await analyzed(
      'src/messages.ts',
      `import { LettaClient } from "@letta-ai/letta-client";

const client = new LettaClient({ token: process.env.LETTA_TOKEN, baseUrl: process.env.LETTA_BASE_URL });

export async function sendMessage(text: string) {
  const stream = await client.agents.messages.createStream(process.env.LETTA_AGENT_ID!, { messages: [{ role: "user", content: text }] });
  for await (const chunk of stream) console.log(chunk);
}
`,
    );
    expect(targets(script)).toEqual([['letta', 'LETTA_AGENT_ID', null, 6]]);
    expect(script.llm).toEqual([]);
  });

  it('an agent this code creates on a Letta server with its tools, or a Letta Code session running tools here, is an agent of this code', async () => {
    const created = await analyzed(
      'setup_agent.py',
      `from letta_client import Letta

client = Letta(token="dummy")
agent = client.agents.create(model="openai/gpt-4.1", memory_blocks=[{"label": "persona", "value": "Payout desk"}], tools=["web_search", "run_code"])
print(client.agents.messages.create(agent_id=agent.id, messages=[{"role": "user", "content": "hello"}]))
`,
    );
    expect(created.frameworks.map((use) => use.framework)).toEqual(['letta']);
    expect(created.agentic).toBe(true);
    const session = await analyzed(
      'src/letta/bridge.ts',
      `import { LettaAgentClient } from "@letta-ai/letta-agent-sdk";

export function createBridge(apiKey: string, agentId: string, tools: unknown[]) {
  const client = new LettaAgentClient({ backend: "cloud", apiKey });
  return client.resumeSession(agentId, { permissionMode: "default", tools });
}
`,
    );
    expect(session.frameworks.map((use) => use.framework)).toEqual(['letta']);
    expect(session.agentic).toBe(true);
  });

  it('reads langgraph_sdk runs with the graph name and the deployment URL, and is no LangGraph framework use', async () => {
    const findings = await analyzed(
      'ops/replay.py',
      `from langgraph_sdk import get_client

client = get_client(url="https://support.example.com")

async def replay(body):
    async for chunk in client.runs.stream(None, "support", input={"messages": [body]}, stream_mode="updates"):
        print(chunk)
    await client.runs.wait(None, assistant_id="billing", input={})
`,
    );
    expect(targets(findings)).toEqual([
      ['langgraph-platform', 'support', 'https://support.example.com', 6],
      ['langgraph-platform', 'billing', 'https://support.example.com', 8],
    ]);
    expect(findings.frameworks).toEqual([]);
    expect(findings.agentic).toBe(false);
  });

  it('names the graph an assistant was made for when the run only has the assistant id', async () => {
    const findings = await analyzed(
      'web/lib/agent.ts',
      `import { Client } from "@langchain/langgraph-sdk";
const client = new Client({ apiUrl: process.env.LANGGRAPH_API_URL });
export async function ask(input: string) {
  const [assistant] = await client.assistants.search({ graphId: "researcher", limit: 1 });
  const thread = await client.threads.create();
  return client.runs.wait(thread.thread_id, assistant.assistant_id, { input: { messages: [input] } });
}
`,
    );
    expect(targets(findings)).toEqual([['langgraph-platform', 'researcher', null, 4]]);
    const listsOnly = await analyzed('admin.py', 'from langgraph_sdk import get_client\nclient = get_client(url="http://localhost:2024")\nasync def names():\n    return await client.assistants.search(graph_id="agent")\n');
    expect(listsOnly.remoteAgents).toBeUndefined();
  });

  it('reads a RemoteGraph in Python and TypeScript', async () => {
    const python = await analyzed('bot.py', 'from langgraph.pregel.remote import RemoteGraph\nhelper = RemoteGraph("dispute_helper", url="https://disputes.example.com")\n');
    expect(targets(python)).toEqual([['langgraph-platform', 'dispute_helper', 'https://disputes.example.com', 2]]);
    const ts = await analyzed('bot.ts', 'import { RemoteGraph } from "@langchain/langgraph/remote";\nexport const helper = new RemoteGraph({ graphId: "dispute_helper", url: process.env.LANGGRAPH_URL });\n');
    expect(targets(ts)).toEqual([['langgraph-platform', 'dispute_helper', null, 2]]);
  });

  it('reads @langchain/langgraph-sdk runs, following a constant to the assistant id; the SDK import is not LangChain', async () => {
    const findings = await analyzed(
      'app/api/chat/route.ts',
      `import { Client } from "@langchain/langgraph-sdk";
const client = new Client({ apiUrl: "http://localhost:2024" });
const ASSISTANT = "agent";
export async function POST(req: Request) {
  const thread = await client.threads.create();
  return client.runs.stream(thread.thread_id, ASSISTANT, { input: await req.json(), streamMode: "messages" });
}
`,
    );
    expect(targets(findings)).toEqual([['langgraph-platform', 'agent', 'http://localhost:2024', 6]]);
    expect(findings.frameworks).toEqual([]);
  });

  it('reads OpenAI Assistants runs with the assistant id from the environment; a client used only for them runs no model of its own', async () => {
    const python = await analyzed(
      'digest.py',
      `import os
from openai import OpenAI
client = OpenAI()
thread = client.beta.threads.create(messages=[])
run = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=os.environ["DIGEST_ASSISTANT_ID"])
print(client.beta.threads.messages.list(thread_id=thread.id))
`,
    );
    expect(targets(python)).toEqual([['openai-assistants', 'DIGEST_ASSISTANT_ID', null, 5]]);
    expect(python.llm.map((l) => l.provider)).toEqual(['openai']);
    expect(python.llmOnlyStartsRemoteRuns).toBe(true);

    const ts = await analyzed(
      'handler.ts',
      `import OpenAI from "openai";
const openai = new OpenAI();
export const handler = async () => {
  const run = await openai.beta.threads.runs.createAndPoll("thread_1", { assistant_id: process.env.ONBOARDING_ASSISTANT_ID! });
  return run.status;
};
`,
    );
    expect(targets(ts)).toEqual([['openai-assistants', 'ONBOARDING_ASSISTANT_ID', null, 4]]);
    expect(ts.llmOnlyStartsRemoteRuns).toBe(true);
  });

  it('code that defines the assistant or answers its tool calls runs an agent of its own', async () => {
    const findings = await analyzed(
      'assistant.py',
      `from openai import OpenAI
client = OpenAI()
run = client.beta.threads.runs.create_and_poll(thread_id="t", assistant_id="asst_123")
if run.status == "requires_action":
    client.beta.threads.runs.submit_tool_outputs_and_poll(thread_id="t", run_id=run.id, tool_outputs=[])
`,
    );
    expect(targets(findings)).toEqual([['openai-assistants', 'asst_123', null, 3]]);
    expect(findings.llmOnlyStartsRemoteRuns).toBeUndefined();
  });

  it('a file that also calls the model itself is not only a trigger', async () => {
    const findings = await analyzed(
      'mixed.py',
      `from openai import OpenAI
client = OpenAI()
client.beta.threads.runs.create(thread_id="t", assistant_id="asst_123")
client.chat.completions.create(model="gpt-4.1", messages=[])
`,
    );
    expect(targets(findings)).toEqual([['openai-assistants', 'asst_123', null, 3]]);
    expect(findings.llmOnlyStartsRemoteRuns).toBeUndefined();
  });
});

describe('graphs without a model', () => {
  it('marks a StateGraph file with no model call, and not one whose nodes call a model', async () => {
    const etl = await analyzed(
      'etl.py',
      'from langchain_core.runnables import RunnableConfig\nfrom langgraph.graph import StateGraph, START\nbuilder = StateGraph(dict)\nbuilder.add_node("load", load)\nbuilder.add_edge(START, "load")\nworkflow = builder.compile()\n',
    );
    expect(etl.modelFreeGraph).toBe(true);
    const withModel = await analyzed(
      'graph.py',
      'from langchain_openai import ChatOpenAI\nfrom langgraph.graph import StateGraph\nmodel = ChatOpenAI(model="gpt-4.1")\nbuilder = StateGraph(dict)\nbuilder.add_node("answer", lambda s: model.invoke(s["q"]))\n',
    );
    expect(withModel.modelFreeGraph).toBeUndefined();
    expect(withModel.agentic).toBe(true);
    const ts = await analyzed('sync.ts', 'import { StateGraph, Annotation } from "@langchain/langgraph";\nconst S = Annotation.Root({});\nexport const graph = new StateGraph(S).addNode("fetch", fetchRows).compile();\n');
    expect(ts.modelFreeGraph).toBe(true);
    const prebuilt = await analyzed('agent.py', 'from langgraph.prebuilt import create_react_agent\nagent = create_react_agent("openai:gpt-4.1", tools=[])\n');
    expect(prebuilt.modelFreeGraph).toBeUndefined();
  });
});

describe('from a package import a module', () => {
  it('lists the module as well as the package, for the linker to keep what is a file', async () => {
    const findings = await analyzed('app/agent.py', 'from openai import OpenAI\nfrom app import tools\nfrom app.helpers import summarise as summ, prompts\nfrom .sub import web\n');
    expect(findings.localImports).toEqual(['app', 'app.tools', 'app.helpers', 'app.helpers.summarise', 'app.helpers.prompts', '.sub', '.sub.web']);
  });
});

describe('the remote-agent rules', () => {
  it('are in the rule catalog, one per platform, so a person can read why a file is a caller', () => {
    const remote = ruleCatalog().filter((rule) => rule.category === 'remote-agent');
    expect(remote.map((rule) => rule.id).sort()).toEqual(['code.remote-agent.bedrock-agentcore', 'code.remote-agent.langgraph-platform', 'code.remote-agent.letta', 'code.remote-agent.openai-assistants', 'code.remote-agent.temporal']);
    expect(remote.every((rule) => rule.description.length > 40)).toBe(true);
  });

  it('turned off for a workspace, the platform\'s runs are no longer read; the other platform still is', async () => {
    const source = 'import os\nfrom langgraph_sdk import get_client\nfrom openai import OpenAI\nclient = get_client(url="https://support.example.com")\nclient.runs.wait(None, "support", input={})\nOpenAI().beta.threads.runs.create(thread_id="t", assistant_id="asst_9")\n';
    const withRules = await analyzed('replay.py', source);
    expect(withRules.remoteAgents?.map((t) => t.evidence.ruleId)).toEqual(['code.remote-agent.langgraph-platform', 'code.remote-agent.openai-assistants']);
    const withoutLangGraph = await analyzed('replay.py', source, bundledCodeRules(new Set(['code.remote-agent.langgraph-platform'])));
    expect(targets(withoutLangGraph)).toEqual([['openai-assistants', 'asst_9', null, 6]]);
  });
});
