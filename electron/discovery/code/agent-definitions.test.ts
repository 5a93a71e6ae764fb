import { describe, expect, it } from 'vitest';
import type { AgentDefinitionFinding } from '../findings';
import { bundledCodeRules } from './bundled-code-rules';
import { analyzed } from './test-helpers';

/** kind, name, variable, members, tools: compact to compare. */
const summary = (definitions: AgentDefinitionFinding[] | undefined) =>
  (definitions ?? []).map((d) => [d.kind, d.name, d.variable, d.members.map((m) => `${m.relation}:${m.variable}`), d.tools]);

describe('agents a file creates', () => {
  it('reads a langgraph-supervisor over create_react_agent workers, the compiled graph carrying the variable and name', async () => {
    const findings = await analyzed(
      'src/supervisor.py',
      `from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
from langgraph_supervisor import create_supervisor

from app.tools import refund, lookup
from app import web

model = ChatOpenAI(model="gpt-4.1")
billing = create_react_agent(model=model, tools=[lookup, refund], name="billing_agent", prompt="...")
research = create_react_agent(model, [web.search, web.fetch_page])
graph = create_supervisor(model=model, agents=[billing, research], prompt="route").compile(name="support")
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['react-agent', 'billing_agent', 'billing', [], ['lookup', 'refund']],
      ['react-agent', null, 'research', [], ['search', 'fetch_page']],
      ['supervisor', 'support', 'graph', ['sub-agent:billing', 'sub-agent:research'], []],
    ]);
    expect(findings.agentDefinitions![2]!.evidence).toMatchObject({ path: 'src/supervisor.py', line: 11 });
  });

  it('reads OpenAI Agents SDK handoffs, handoff() wrappers and agents handed over as tools', async () => {
    const findings = await analyzed(
      'triage/agents.py',
      `from agents import Agent, handoff
from triage.tools import merchant_status

refunds = Agent(name="Refunds", instructions="...", tools=[merchant_status])
translator = Agent(name="Translator", instructions="...")
triage = Agent(
    name="Triage",
    instructions="...",
    handoffs=[refunds, handoff(agent=translator)],
    tools=[translator.as_tool(tool_name="translate", tool_description="...")],
)
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['openai-agent', 'Refunds', 'refunds', [], ['merchant_status']],
      ['openai-agent', 'Translator', 'translator', [], []],
      ['openai-agent', 'Triage', 'triage', ['handoff-to:refunds', 'handoff-to:translator', 'sub-agent:translator'], []],
    ]);
  });

  it('reads a swarm and the agents a StateGraph runs as nodes, including one created inline', async () => {
    const findings = await analyzed(
      'graph.py',
      `from langgraph.graph import StateGraph, MessagesState
from langgraph.prebuilt import create_react_agent
from langgraph_swarm import create_swarm

alice = create_react_agent("openai:gpt-4.1", tools=[], name="alice")
bob = create_react_agent("openai:gpt-4.1", tools=[], name="bob")
team = create_swarm([alice, bob], default_active_agent="alice").compile()

builder = StateGraph(MessagesState)
builder.add_node("team", team)
builder.add_node("writer", create_react_agent("openai:gpt-4.1", tools=[], name="writer"))
builder.add_node("format", format_answer)
graph = builder.compile()
`,
    );
    const definitions = summary(findings.agentDefinitions);
    expect(definitions.slice(0, 3)).toEqual([
      ['react-agent', 'alice', 'alice', [], []],
      ['react-agent', 'bob', 'bob', [], []],
      ['swarm', null, 'team', ['sub-agent:alice', 'sub-agent:bob'], []],
    ]);
    const writer = findings.agentDefinitions!.find((d) => d.name === 'writer')!;
    expect(writer.variable).toMatch(/^@11:/);
    expect(definitions.find(([kind]) => kind === 'graph')).toEqual(['graph', null, 'builder', ['sub-agent:team', `sub-agent:${writer.variable}`, 'sub-agent:format_answer'], []]);
  });

  it('reads createReactAgent workers and createSupervisor in TypeScript', async () => {
    const findings = await analyzed(
      'src/agent/graph.ts',
      `import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { createSupervisor } from "@langchain/langgraph-supervisor";
import { ChatOpenAI } from "@langchain/openai";
import { ledgerBalance } from "../tools/ledger.js";

const llm = new ChatOpenAI({ model: "gpt-4.1" });
export const ledgerAgent = createReactAgent({ llm, tools: [ledgerBalance], name: "ledger_expert" });
export const graph = createSupervisor({ agents: [ledgerAgent], llm, supervisorName: "ops" }).compile();
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['react-agent', 'ledger_expert', 'ledgerAgent', [], ['ledgerBalance']],
      ['supervisor', 'ops', 'graph', ['sub-agent:ledgerAgent'], []],
    ]);
  });

  it('maps a tool variable to the tool name its capabilities carry', async () => {
    const findings = await analyzed(
      'src/tools/ledger.ts',
      `import { tool } from "@langchain/core/tools";
import pg from "pg";
const pool = new pg.Pool();
export const ledgerBalance = tool(async ({ id }) => (await pool.query("SELECT balance FROM ledger WHERE id = $1", [id])).rows, { name: "ledger_balance", description: "d" });
`,
    );
    expect(findings.toolAliases).toEqual({ ledgerBalance: 'ledger_balance' });
    expect(findings.capabilities.map((c) => [c.kind, c.tool])).toEqual([['data-read', 'ledger_balance']]);
  });

  it('reads typed Agents SDK agents and agents built by a factory function', async () => {
    const findings = await analyzed(
      'team/build.py',
      `from agents import Agent
from langgraph.prebuilt.chat_agent_executor import create_react_agent

def make_researcher(model):
    researcher = create_react_agent(model, tools=[], name="researcher")
    return researcher

support = Agent[SupportContext](name="Support", instructions="...")
`,
    );
    expect(findings.agentDefinitions!.map((d) => [d.kind, d.name, d.variable, d.factory])).toEqual([
      ['react-agent', 'researcher', 'researcher', 'make_researcher'],
      ['openai-agent', 'Support', 'support', null],
    ]);
  });

  it('carries the framework rule as evidence, and reads nothing when a workspace turned that rule off', async () => {
    const text = 'from langgraph.prebuilt import create_react_agent\nfrom langgraph_supervisor import create_supervisor\nworker = create_react_agent("openai:gpt-4.1", tools=[], name="w")\n';
    const on = await analyzed('a.py', text);
    expect(on.agentDefinitions!.map((d) => [d.evidence.ruleId, d.evidence.confidence])).toEqual([['py.framework.langgraph', 0.9]]);
    const off = await analyzed('a.py', text, bundledCodeRules(new Set(['py.framework.langgraph'])));
    expect(off.agentDefinitions).toBeUndefined();
  });

  it('has none for a file that only imports an agent framework, but knows which agents it starts', async () => {
    const findings = await analyzed('run.py', 'from agents import Runner\nfrom app.agents import triage\nfrom app.graph import graph\nRunner.run_sync(triage, "hi")\nasync def go():\n    await graph.ainvoke({})\n    self.helper.invoke({})\n');
    expect(findings.agentDefinitions).toBeUndefined();
    expect(findings.agentsRun).toEqual(['triage', 'graph', 'helper']);
  });
});
