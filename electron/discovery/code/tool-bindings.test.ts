import { describe, expect, it } from 'vitest';
import { analyzed } from './test-helpers';

const bindings = async (path: string, text: string) => (await analyzed(path, text)).toolUse?.bindings ?? [];
const runDirectly = async (path: string, text: string) => (await analyzed(path, text)).toolUse?.runDirectly ?? [];

describe('which tools each agent of a file is given', () => {
  it('two agents side by side each hold their own list, by the variable they are stored in', async () => {
    const found = await bindings(
      'team.py',
      `from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
from tools import add, multiply, web_search

model = ChatOpenAI(model="gpt-4.1")
research_agent = create_react_agent(model=model, tools=[web_search], name="research_expert")
math_agent = create_react_agent(model, [add, multiply], name="math_expert")
`,
    );
    expect(found.map((b) => [b.holder, b.within, b.tools, b.dynamic])).toEqual([
      ['research_agent', null, ['web_search'], false],
      ['math_agent', null, ['add', 'multiply'], false],
    ]);
  });

  it('a model bound to two tools of a module holds those two (`bind_tools`, `ToolNode`)', async () => {
    const found = await bindings(
      'graph.py',
      `from langchain_openai import ChatOpenAI
from langgraph.prebuilt import ToolNode
from tools import search, fetch

llm_with_tools = ChatOpenAI(model="gpt-4.1").bind_tools([search, fetch])
tool_node = ToolNode([search, fetch])
`,
    );
    expect(found.map((b) => [b.holder, b.tools])).toEqual([
      ['llm_with_tools', ['search', 'fetch']],
      ['tool_node', ['search', 'fetch']],
    ]);
  });

  it('lists built at run time are marked dynamic: a parameter, a local factory, a spread', async () => {
    const found = await bindings(
      'factory.py',
      `from langgraph.prebuilt import create_react_agent
from tools import BASE_TOOLS, search

def all_tools():
    return [search]

def make_agent(model, tools):
    return create_react_agent(model, tools=tools)

built = create_react_agent("openai:gpt-4.1", tools=all_tools())
spread = create_react_agent("openai:gpt-4.1", tools=[*BASE_TOOLS, search])
`,
    );
    expect(found.map((b) => [b.holder, b.within, b.dynamic])).toEqual([
      [null, 'make_agent', true],
      ['built', null, true],
      ['spread', null, true],
    ]);
  });

  it('a tool registered on an agent object (`@ledger.tool`) is held by that object', async () => {
    const found = await bindings(
      'refunds.py',
      `import stripe
from pydantic_ai import Agent

ledger = Agent("openai:gpt-4.1")

@ledger.tool_plain
def refund(charge_id: str) -> str:
    return stripe.Refund.create(charge=charge_id).id
`,
    );
    expect(found).toEqual([expect.objectContaining({ holder: 'ledger', tools: ['refund'], dynamic: false })]);
  });

  it('TypeScript: an options object names its tools by key, a factory call by what it returns; `this.tools` is unknown', async () => {
    const found = await bindings(
      'route.ts',
      `import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { getWeather } from '@/lib/ai/tools/get-weather';
import { createDocument } from '@/lib/ai/tools/create-document';

export async function POST(req: Request) {
  const session = await auth();
  return streamText({ model: openai('gpt-4.1'), tools: { getWeather, createDocument: createDocument({ session }) } });
}

class Client {
  tools: any[] = [];
  ask() {
    return streamText({ model: openai('gpt-4.1'), tools: this.tools });
  }
}
`,
    );
    expect(found.map((b) => [b.within, b.tools, b.dynamic])).toEqual([
      ['POST', ['getWeather', 'createDocument'], false],
      ['Client', [], true],
    ]);
  });
});

describe('tools the code calls by hand', () => {
  it('module-level code and plain functions that invoke a tool run it; a tool calling another does not count', async () => {
    const found = await runDirectly(
      'job.py',
      `from langchain_core.tools import tool
from app.tools import send_digest

@tool
def archive(path: str) -> str:
    """Archive a report."""
    return compress(path)

@tool
def compress(path: str) -> str:
    """Compress a file."""
    return path + ".gz"

def main():
    send_digest.invoke({"to": "ops@northwind.example"})

if __name__ == "__main__":
    archive.invoke({"path": "/tmp/report.csv"})
    main()
`,
    );
    expect(found.sort()).toEqual(['archive', 'send_digest']);
  });
});

describe('findings in helpers', () => {
  it('a helper also called outside the tools keeps its own unattributed finding', async () => {
    const findings = await analyzed(
      'cleanup.py',
      `import os
from agents import function_tool

def _delete(path):
    os.remove(path)

@function_tool
def purge(path: str) -> str:
    _delete(path)
    return "done"

if __name__ == "__main__":
    _delete("/tmp/stale.lock")
`,
    );
    expect(findings.capabilities.map((c) => [c.tool, c.evidence.line])).toEqual([
      [null, 5],
      ['purge', 5],
    ]);
  });
});

describe('spread lists', () => {
  it('a spread inside the tools list or map is dynamic; one beside it or inside a tool is not', async () => {
    const found = await bindings(
      'route.ts',
      `import { streamText, tool } from 'ai';
import { openai } from '@ai-sdk/openai';
import { baseTools } from './tools';

const lookup = tool({ description: 'Look up', execute: async () => 'x' });

export async function POST(req: Request) {
  const { history, input } = await req.json();
  return streamText({ model: openai('gpt-4.1'), messages: [...history, input], tools: { lookup } });
}

export async function PUT() {
  return streamText({ model: openai('gpt-4.1'), prompt: 'x', tools: { ...baseTools, lookup } });
}

export async function PATCH() {
  return streamText({ model: openai('gpt-4.1'), prompt: 'x', tools: { echo: tool({ description: 'Echo', execute: async (first: string, ...rest: string[]) => [first, ...rest].join(' ') }), lookup } });
}
`,
    );
    expect(found.map((b) => [b.within, b.dynamic])).toEqual([
      ['POST', false],
      ['PUT', true],
      ['PATCH', false],
    ]);
  });
});

describe('barrels', () => {
  it('a re-export loads its module but names no agent the barrel runs; `export type` loads nothing', async () => {
    const findings = await analyzed(
      'src/agents/index.ts',
      `export { payoutAgent } from "./payout";
export * from "./ops";
export { type AgentState, defaultState } from "./state";
export type { Settings } from "./settings";
export { ChatOpenAI } from "@langchain/openai";
`,
    );
    expect(findings.localImports).toEqual(['./payout', './ops', './state']);
    expect(findings.importedNames ?? []).toEqual([]);
  });
});

describe('lists grown after they are written', () => {
  it('a named list the code appends to is dynamic (swarm handoff tools built in a loop)', async () => {
    const found = await bindings(
      'swarm.py',
      `from langgraph.prebuilt import create_react_agent
from langgraph_swarm import create_handoff_tool
from tools import lookup_hotel

def make_agent(name, peers, model):
    handoff_tools = []
    for peer in peers:
        handoff_tools.append(create_handoff_tool(agent_name=peer))
    return create_react_agent(model=model, tools=handoff_tools, name=name)

planner = create_react_agent("openai:gpt-4.1", [lookup_hotel, create_handoff_tool(agent_name="booker")], name="planner")
`,
    );
    expect(found.map((b) => [b.holder ?? b.within, b.tools, b.dynamic])).toEqual([
      ['make_agent', [], true],
      ['planner', ['lookup_hotel', 'create_handoff_tool'], false],
    ]);
  });
});
