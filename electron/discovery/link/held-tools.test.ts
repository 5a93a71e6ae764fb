import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { analyzeCode } from '../code/analyze-code';
import { loadCodeParsers } from '../code/parser';
import { RULES } from '../code/test-helpers';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { linkUnits } from './link-units';
import { capabilityKinds, toolNamesOf } from '../scan/test-scan-tree';

/** Every file analysed in full, then linked, as a scan does. */
async function link(files: Record<string, string>): Promise<DiscoveredAgent[]> {
  await loadCodeParsers();
  const findings = Object.entries(files).flatMap(([path, text]) => analyzeCode(path, text, RULES, TEST_FINGERPRINT_KEY, undefined, { skipPrefilter: true }) ?? []);
  return linkUnits('t', findings);
}

const item = (agents: DiscoveredAgent[], name: string) => {
  const found = agents.find((agent) => agent.unit.name === name);
  if (!found) throw new Error(`no item ${name} among ${agents.map((a) => a.unit.name).join(', ')}`);
  return found;
};

const PY_TOOLS = `import os
import subprocess
import httpx
import psycopg
from langchain_core.tools import tool

DB = os.environ["LEDGER_DSN"]

def _book(account, cents):
    with psycopg.connect(DB) as conn:
        conn.execute("INSERT INTO adjustments (account, cents) VALUES (%s, %s)", (account, cents))

def _erase(account):
    with psycopg.connect(DB) as conn:
        conn.execute("DELETE FROM accounts WHERE id = %s", (account,))

@tool
def fetch_page(url: str) -> str:
    """Fetch a page the model chose."""
    return httpx.get(url).text

@tool
def post_adjustment(account: str, cents: int) -> str:
    """Book a ledger adjustment."""
    _book(account, cents)
    return "booked"

@tool
def wipe_account(account: str) -> str:
    """Never given to an agent: kept for the ops console."""
    _erase(account)
    return "gone"

@tool
def run_report(name: str) -> str:
    """Run a report script."""
    return subprocess.run(["./reports/" + name], capture_output=True, text=True).stdout
`;

const PY_TEAM = `from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent

from ledger_ops.tools import fetch_page, post_adjustment

model = ChatOpenAI(model="gpt-4.1")

research_agent = create_react_agent(model, tools=[fetch_page], name="research_agent")
ledger_agent = create_react_agent(model, tools=[post_adjustment], name="ledger_agent")
`;

describe('each agent holds the tools of the code it runs (Python)', () => {
  const files = {
    'ledger_ops/__init__.py': '',
    'ledger_ops/tools.py': PY_TOOLS,
    'ledger_ops/team.py': PY_TEAM,
    'jobs/research_job.py': `from ledger_ops.team import research_agent

if __name__ == "__main__":
    print(research_agent.invoke({"messages": [("user", "What changed on the status page?")]}))
`,
    'jobs/ledger_job.py': `from ledger_ops.team import ledger_agent
from ledger_ops.tools import run_report

if __name__ == "__main__":
    ledger_agent.invoke({"messages": [("user", "Book the pending adjustments.")]})
    run_report.invoke({"name": "daily.sh"})
`,
  };

  it('a job importing one agent of a shared module gets that agent tools only, with evidence at the tool', async () => {
    const agents = await link(files);
    const research = item(agents, 'jobs/research_job.py');
    expect(capabilityKinds(research)).toEqual(['outbound-network']);
    expect(research.capabilities.every((c) => c.tool === 'fetch_page' && c.evidence.path === 'ledger_ops/tools.py')).toBe(true);
    expect(toolNamesOf(research)).not.toContain('post_adjustment');
  });

  it('a tool the unit code calls by hand counts; a tool no agent is given grants nothing, helpers included', async () => {
    const ledger = item(await link(files), 'jobs/ledger_job.py');
    // post_adjustment (its agent's tool, through the _run helper) and run_report (called in main).
    expect(capabilityKinds(ledger)).toEqual(['data-write', 'shell-exec']);
    expect(ledger.capabilities.find((c) => c.kind === 'data-write')).toMatchObject({ tool: 'post_adjustment', evidence: { path: 'ledger_ops/tools.py', line: 11 } });
    expect(ledger.capabilities.some((c) => c.kind === 'data-delete')).toBe(false);
  });

  it('a tools list built at run time keeps every tool of the files (the file-level rule)', async () => {
    const agents = await link({
      'ledger_ops/__init__.py': '',
      'ledger_ops/tools.py': `${PY_TOOLS}\n\ndef all_tools():\n    return [fetch_page, post_adjustment, wipe_account, run_report]\n`,
      'bot.py': `from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
from ledger_ops.tools import all_tools

agent = create_react_agent(ChatOpenAI(model="gpt-4.1"), tools=all_tools())

if __name__ == "__main__":
    agent.invoke({"messages": [("user", "hi")]})
`,
    });
    expect(capabilityKinds(item(agents, 'bot.py'))).toEqual(['data-delete', 'data-write', 'outbound-network', 'shell-exec']);
  });

  it('a model bound to two of ten tools (`bind_tools`) holds those two', async () => {
    const agents = await link({
      'ledger_ops/__init__.py': '',
      'ledger_ops/tools.py': PY_TOOLS,
      'graph.py': `from langchain_openai import ChatOpenAI
from langgraph.graph import StateGraph, MessagesState
from langgraph.prebuilt import ToolNode
from ledger_ops.tools import fetch_page, run_report

llm = ChatOpenAI(model="gpt-4.1").bind_tools([fetch_page, run_report])

def call_model(state: MessagesState):
    return {"messages": [llm.invoke(state["messages"])]}

builder = StateGraph(MessagesState)
builder.add_node("model", call_model)
builder.add_node("tools", ToolNode([fetch_page, run_report]))
graph = builder.compile()

if __name__ == "__main__":
    graph.invoke({"messages": [("user", "daily report")]})
`,
    });
    expect(capabilityKinds(item(agents, 'graph.py'))).toEqual(['outbound-network', 'shell-exec']);
  });

  it('a supervisor given no tool shows its workers tools on the workers, not on itself', async () => {
    const agents = await link({
      'ledger_ops/__init__.py': '',
      'ledger_ops/tools.py': PY_TOOLS,
      'ledger_ops/team.py': PY_TEAM,
      'supervisor.py': `from langchain_openai import ChatOpenAI
from langgraph_supervisor import create_supervisor
from ledger_ops.team import ledger_agent

graph = create_supervisor([ledger_agent], model=ChatOpenAI(model="gpt-4.1")).compile()

if __name__ == "__main__":
    graph.invoke({"messages": [("user", "book it")]})
`,
    });
    const supervisor = item(agents, 'supervisor.py');
    expect(capabilityKinds(supervisor)).toEqual([]);
    expect((supervisor.links ?? []).map((l) => `${l.relation} ${l.name}`)).toEqual(['sub-agent ledger_agent']);
    expect(capabilityKinds(item(agents, 'ledger_agent'))).toEqual(['data-write']);
    // The other agent of the shared module is no sub-agent of this graph.
    expect(agents.some((a) => a.unit.name === 'research_agent')).toBe(false);
  });
});

const TS_TOOLS = `import { tool } from "@langchain/core/tools";
import { execSync } from "node:child_process";
import { Pool } from "pg";
import { z } from "zod";

const pool = new Pool({ connectionString: process.env.LEDGER_DATABASE_URL });

export const lookupPayout = tool(async ({ id }) => (await pool.query("SELECT * FROM payouts WHERE id = $1", [id])).rows[0], {
  name: "lookup_payout",
  description: "Read a payout.",
  schema: z.object({ id: z.string() }),
});

export const fetchStatus = tool(async ({ url }) => (await fetch(url)).text(), {
  name: "fetch_status",
  description: "Fetch a status page the model chose.",
  schema: z.object({ url: z.string() }),
});

export const restartWorker = tool(async ({ name }) => execSync("systemctl restart " + name).toString(), {
  name: "restart_worker",
  description: "Defined for the ops console, given to no agent.",
  schema: z.object({ name: z.string() }),
});
`;

describe('each agent holds the tools of the code it runs (TypeScript)', () => {
  const files = {
    'src/tools.ts': TS_TOOLS,
    'src/agents/index.ts': `import { ChatOpenAI } from "@langchain/openai";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { fetchStatus, lookupPayout } from "../tools";

const llm = new ChatOpenAI({ model: "gpt-4.1" });

export const payoutAgent = createReactAgent({ llm, tools: [lookupPayout], name: "payout_agent" });
export const statusAgent = createReactAgent({ llm, tools: [fetchStatus], name: "status_agent" });
`,
    'src/payout-worker.ts': `import { payoutAgent } from "./agents";

async function main() {
  await payoutAgent.invoke({ messages: [{ role: "user", content: "Why is payout p_1 late?" }] });
}
main();
`,
    'src/status-worker.ts': `import { statusAgent } from "./agents";

async function main() {
  await statusAgent.invoke({ messages: [{ role: "user", content: "Is the processor down?" }] });
}
main();
`,
  };

  it('two workers importing one agent each from agents/index.ts get their own agent tools', async () => {
    const agents = await link(files);
    const payout = item(agents, 'src/payout-worker.ts');
    const status = item(agents, 'src/status-worker.ts');
    expect(capabilityKinds(payout)).toEqual(['data-read']);
    expect(capabilityKinds(status)).toEqual(['outbound-network']);
    expect(payout.capabilities.every((c) => c.tool === 'lookup_payout' && c.evidence.path === 'src/tools.ts')).toBe(true);
    // The agent's list names the tool by its variable; the item lists the tool once, by its own name.
    expect(toolNamesOf(payout)).toEqual(['lookup_payout']);
    // restart_worker is defined beside them and given to nobody.
    expect(agents.some((a) => a.capabilities.some((c) => c.kind === 'shell-exec'))).toBe(false);
  });
});

describe('OpenAI Agents SDK modules of several agents', () => {
  it('Python: each worker runs one agent of agents.py; a handoff target keeps its tools on its own item', async () => {
    const agents = await link({
      'desk/__init__.py': '',
      'desk/agents.py': `import subprocess

import psycopg
import stripe
from agents import Agent, function_tool

@function_tool
def merchant_status(merchant_id: str) -> str:
    """Read the merchant's account status."""
    with psycopg.connect("postgresql://desk@db/desk") as conn:
        return str(conn.execute("SELECT status FROM merchants WHERE id = %s", (merchant_id,)).fetchone())

@function_tool
def refund(charge_id: str) -> str:
    """Refund a charge."""
    return stripe.Refund.create(charge=charge_id).id

@function_tool
def run_diagnostic(host: str) -> str:
    """Ping a merchant's webhook host."""
    return subprocess.run(["ping", "-c", "1", host], capture_output=True, text=True).stdout

refunds_agent = Agent(name="Refunds", instructions="Refund duplicate charges only.", tools=[refund])
triage_agent = Agent(name="Triage", instructions="Route the merchant.", tools=[merchant_status], handoffs=[refunds_agent])
diagnostics_agent = Agent(name="Diagnostics", instructions="Diagnose webhook failures.", tools=[run_diagnostic])
`,
      'triage_worker.py': `from agents import Runner
from desk.agents import triage_agent

if __name__ == "__main__":
    print(Runner.run_sync(triage_agent, "A merchant was charged twice").final_output)
`,
      'diagnostics_worker.py': `from agents import Runner
from desk.agents import diagnostics_agent

if __name__ == "__main__":
    print(Runner.run_sync(diagnostics_agent, "Webhooks to shop.example fail").final_output)
`,
    });
    const triage = item(agents, 'triage_worker.py');
    expect(capabilityKinds(triage)).toEqual(['data-read']);
    expect((triage.links ?? []).map((l) => `${l.relation} ${l.name}`)).toEqual(['handoff-to Refunds']);
    expect(capabilityKinds(item(agents, 'Refunds'))).toEqual(['payment']);
    expect(capabilityKinds(item(agents, 'diagnostics_worker.py'))).toEqual(['shell-exec']);
  });

  it('TypeScript: each route runs one agent of agents/index.ts', async () => {
    const agents = await link({
      'src/agents/index.ts': `import { Agent, tool } from '@openai/agents';
import { execSync } from 'node:child_process';
import { z } from 'zod';

const lookupOrder = tool({ name: 'lookup_order', description: 'Find an order', parameters: z.object({ id: z.string() }), execute: async ({ id }) => (await fetch(process.env.ORDERS_URL + id)).json() });
const runPlaybook = tool({ name: 'run_playbook', description: 'Run an ops playbook', parameters: z.object({ name: z.string() }), execute: async ({ name }) => execSync('./playbooks/' + name).toString() });

export const ordersAgent = new Agent({ name: 'Orders', instructions: 'Answer order questions.', tools: [lookupOrder] });
export const opsAgent = new Agent({ name: 'Ops', instructions: 'Run playbooks when asked.', tools: [runPlaybook] });
`,
      'src/routes/orders.ts': `import express from 'express';
import { run } from '@openai/agents';
import { ordersAgent } from '../agents';

const app = express();
app.post('/orders/ask', async (req, res) => res.json((await run(ordersAgent, req.body.question)).finalOutput));
app.listen(3001);
`,
      'src/routes/ops.ts': `import express from 'express';
import { run } from '@openai/agents';
import { opsAgent } from '../agents';

const app = express();
app.post('/ops/ask', async (req, res) => res.json((await run(opsAgent, req.body.question)).finalOutput));
app.listen(3002);
`,
    });
    const orders = item(agents, 'src/routes/orders.ts');
    const ops = item(agents, 'src/routes/ops.ts');
    expect(capabilityKinds(orders)).toEqual(['outbound-network']);
    expect(toolNamesOf(orders)).toEqual(['lookup_order']);
    expect(capabilityKinds(ops)).toEqual(['shell-exec']);
    expect(toolNamesOf(ops)).toEqual(['run_playbook']);
  });
});

describe('a worker whose tools are built at run time', () => {
  it('keeps its tools with the unit that runs it, since the worker item cannot name them', async () => {
    const agents = await link({
      'ops/__init__.py': '',
      'ops/tools.py': PY_TOOLS,
      'ops/workers.py': `from langgraph.prebuilt import create_react_agent
from ops.tools import fetch_page, run_report

def tools_for(team):
    return [fetch_page] if team == "research" else [run_report]

reporter = create_react_agent("openai:gpt-4.1", tools=tools_for("reports"), name="reporter")
`,
      'supervisor.py': `from langchain_openai import ChatOpenAI
from langgraph_supervisor import create_supervisor
from ops.workers import reporter

graph = create_supervisor([reporter], model=ChatOpenAI(model="gpt-4.1")).compile()

if __name__ == "__main__":
    graph.invoke({"messages": [("user", "weekly report")]})
`,
    });
    expect(capabilityKinds(item(agents, 'supervisor.py'))).toEqual(['data-delete', 'data-write', 'outbound-network', 'shell-exec']);
  });
});

describe('agents built by factory functions', () => {
  it('a supervisor importing one factory of a shared module holds neither factory agent tools; the other factory is not run', async () => {
    const agents = await link({
      'ledger_ops/__init__.py': '',
      'ledger_ops/tools.py': PY_TOOLS,
      'ledger_ops/builders.py': `from langchain.chat_models import init_chat_model
from langgraph.prebuilt import create_react_agent
from ledger_ops.tools import fetch_page, post_adjustment

def build_research_agent():
    return create_react_agent(model=init_chat_model("openai:gpt-4.1"), tools=[fetch_page], name="research_agent")

def build_ledger_agent():
    return create_react_agent(model=init_chat_model("openai:gpt-4.1"), tools=[post_adjustment], name="ledger_agent")
`,
      'app.py': `from langchain.chat_models import init_chat_model
from langgraph_supervisor import create_supervisor
from ledger_ops.builders import build_research_agent

def build_app():
    research = build_research_agent()
    return create_supervisor(agents=[research], model=init_chat_model("openai:gpt-4.1")).compile()

if __name__ == "__main__":
    build_app().invoke({"messages": [("user", "what changed?")]})
`,
    });
    expect(capabilityKinds(item(agents, 'app.py'))).toEqual([]);
    expect(capabilityKinds(item(agents, 'research_agent'))).toEqual(['outbound-network']);
    expect(agents.some((a) => a.unit.name === 'ledger_agent' || a.capabilities.some((c) => c.kind === 'data-write'))).toBe(false);
  });
});

describe('agents re-exported by a barrel (agents/index.ts)', () => {
  it('a worker importing one agent through the barrel runs that agent and holds its tools only', async () => {
    const agents = await link({
      'src/tools.ts': TS_TOOLS,
      'src/agents/payout.ts': `import { ChatOpenAI } from "@langchain/openai";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { lookupPayout } from "../tools";

export const payoutAgent = createReactAgent({ llm: new ChatOpenAI({ model: "gpt-4.1" }), tools: [lookupPayout], name: "payout_agent" });
`,
      'src/agents/ops.ts': `import { ChatOpenAI } from "@langchain/openai";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { restartWorker } from "../tools";

export const opsAgent = createReactAgent({ llm: new ChatOpenAI({ model: "gpt-4.1" }), tools: [restartWorker], name: "ops_agent" });
`,
      'src/agents/index.ts': `export { payoutAgent } from "./payout";
export { opsAgent } from "./ops";
export type { AgentState } from "./state";
`,
      'src/payout-worker.ts': `import { payoutAgent } from "./agents";

async function main() {
  await payoutAgent.invoke({ messages: [{ role: "user", content: "Why is payout p_1 late?" }] });
}
main();
`,
    });
    // The barrel is followed: the worker is the item, not the agent modules behind it.
    expect(agents.map((a) => a.unit.name)).toEqual(['src/payout-worker.ts']);
    const worker = item(agents, 'src/payout-worker.ts');
    expect(worker.codeFiles).toEqual(expect.arrayContaining(['src/agents/index.ts', 'src/agents/payout.ts', 'src/agents/ops.ts']));
    expect(capabilityKinds(worker)).toEqual(['data-read']);
  });
});

describe("agents a Python package's __init__.py re-exports", () => {
  it('a job importing one agent from the package holds that agent tools only', async () => {
    const agents = await link({
      'team/__init__.py': 'from .research import research_agent\nfrom .ops import ops_agent\n\n__all__ = ["research_agent", "ops_agent"]\n',
      'team/research.py': `import httpx
from langchain_core.tools import tool
from langgraph.prebuilt import create_react_agent

@tool
def fetch(url: str) -> str:
    """Fetch a page the model chose."""
    return httpx.get(url).text

research_agent = create_react_agent("openai:gpt-4.1", tools=[fetch], name="research")
`,
      'team/ops.py': `import subprocess
from langchain_core.tools import tool
from langgraph.prebuilt import create_react_agent

@tool
def restart(name: str) -> str:
    """Restart a service."""
    return subprocess.run(["systemctl", "restart", name], capture_output=True, text=True).stdout

ops_agent = create_react_agent("openai:gpt-4.1", tools=[restart], name="ops")
`,
      'job.py': `from team import research_agent

if __name__ == "__main__":
    research_agent.invoke({"messages": [("user", "What changed on the status page?")]})
`,
    });
    expect(capabilityKinds(item(agents, 'job.py'))).toEqual(['outbound-network']);
  });

  it('a package that builds a graph from what it imports still runs those agents', async () => {
    const agents = await link({
      'team/__init__.py': 'from langgraph_supervisor import create_supervisor\nfrom .ops import ops_agent\n\ngraph = create_supervisor([ops_agent], model="openai:gpt-4.1").compile()\n',
      'team/ops.py': `import subprocess
from langchain_core.tools import tool
from langgraph.prebuilt import create_react_agent

@tool
def restart(name: str) -> str:
    """Restart a service."""
    return subprocess.run(["systemctl", "restart", name], capture_output=True, text=True).stdout

ops_agent = create_react_agent("openai:gpt-4.1", tools=[restart], name="ops")
`,
      'job.py': `from team import graph

if __name__ == "__main__":
    graph.invoke({"messages": [("user", "restart the exporter")]})
`,
    });
    expect(capabilityKinds(item(agents, 'ops'))).toEqual(['shell-exec']);
    expect((item(agents, 'job.py').links ?? []).map((l) => `${l.relation} ${l.name}`)).toEqual(['sub-agent ops']);
  });
});

describe('node functions in a module beside the agents a graph imports', () => {
  it('a model bound at module level for the node the graph imports keeps its tools', async () => {
    const agents = await link({
      'ledger_ops/__init__.py': '',
      'ledger_ops/tools.py': PY_TOOLS,
      'ledger_ops/team.py': PY_TEAM,
      'ledger_ops/nodes.py': `from langchain_openai import ChatOpenAI
from langgraph.graph import MessagesState
from ledger_ops.tools import run_report

reporter = ChatOpenAI(model="gpt-4.1").bind_tools([run_report])

def report(state: MessagesState):
    return {"messages": [reporter.invoke(state["messages"])]}
`,
      'graph.py': `from langgraph.graph import START, MessagesState, StateGraph
from ledger_ops.nodes import report
from ledger_ops.team import research_agent

builder = StateGraph(MessagesState)
builder.add_node("research", research_agent)
builder.add_node("report", report)
builder.add_edge(START, "research")
builder.add_edge("research", "report")
graph = builder.compile()

if __name__ == "__main__":
    graph.invoke({"messages": [("user", "weekly report")]})
`,
    });
    // The report node's tool is the graph's own; the research agent's fetch is its sub-agent's; the ledger agent is not run.
    expect(capabilityKinds(item(agents, 'graph.py'))).toEqual(['shell-exec']);
    expect(capabilityKinds(item(agents, 'research_agent'))).toEqual(['outbound-network']);
    expect(agents.some((a) => a.capabilities.some((c) => c.kind === 'data-write'))).toBe(false);
  });
});
