import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { capabilityKinds, itemNamed, scanTreeFixture, toolNamesOf } from './test-scan-tree';

/**
 * Two graphs langgraph.json names in one file (`./src/graphs.py:refunds`, `./src/graphs.py:lookup`)
 * are two deployments of different agents: each holds the tools its own graph binds, not every tool
 * list of the file it shares.
 */
const tree = scanTreeFixture('atw-graph-vars-');

const summary = (agents: DiscoveredAgent[]) => agents.map((a) => `${a.unit.kind} ${a.unit.name} ${a.classification}`).sort();

const PY_TOOLS = `import os
import stripe
import psycopg
from langchain_core.tools import tool

DSN = os.environ["LEDGER_DSN"]


@tool
def read_charge(charge_id: str) -> str:
    """Read a charge from the ledger."""
    with psycopg.connect(DSN) as conn:
        return str(conn.execute("SELECT * FROM charges WHERE id = %s", (charge_id,)).fetchone())


@tool
def refund_charge(charge_id: str) -> str:
    """Refund a charge."""
    return stripe.Refund.create(charge=charge_id).id
`;

describe('two graphs of langgraph.json in one Python file', () => {
  it('each create_react_agent graph holds its own tools, and neither is the other one sub-agent', async () => {
    tree.writeAll({
      'langgraph.json': JSON.stringify({ dependencies: ['.'], graphs: { refunds: './src/desk/graphs.py:refunds', lookup: './src/desk/graphs.py:lookup' }, env: '.env' }),
      'src/desk/__init__.py': '',
      'src/desk/tools.py': PY_TOOLS,
      'src/desk/graphs.py': `from langgraph.prebuilt import create_react_agent

from desk.tools import read_charge, refund_charge

refunds = create_react_agent("openai:gpt-4.1", tools=[read_charge, refund_charge], prompt="Refund what support approved.")
lookup = create_react_agent("openai:gpt-4.1-mini", tools=[read_charge], prompt="Answer questions about charges.")
`,
    });
    const { agents } = await tree.scan();
    expect(summary(agents)).toEqual(['langgraph-graph lookup agent', 'langgraph-graph refunds agent']);
    expect(capabilityKinds(itemNamed(agents, 'refunds'))).toEqual(['data-read', 'payment']);
    expect(capabilityKinds(itemNamed(agents, 'lookup'))).toEqual(['data-read']);
    expect(toolNamesOf(itemNamed(agents, 'lookup'))).toEqual(['read_charge']);
  });

  it('each hand-built StateGraph holds what its own nodes bind (bind_tools used in its node, its ToolNode)', async () => {
    tree.writeAll({
      'langgraph.json': JSON.stringify({ graphs: { refunds: './src/desk/graphs.py:refunds', lookup: './src/desk/graphs.py:lookup' } }),
      'src/desk/__init__.py': '',
      'src/desk/tools.py': PY_TOOLS,
      'src/desk/graphs.py': `from langchain_openai import ChatOpenAI
from langgraph.graph import START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition

from desk.tools import read_charge, refund_charge

llm = ChatOpenAI(model="gpt-4.1")
refund_model = llm.bind_tools([read_charge, refund_charge])
lookup_model = llm.bind_tools([read_charge])


def refund_step(state: MessagesState):
    return {"messages": [refund_model.invoke(state["messages"])]}


def lookup_step(state: MessagesState):
    return {"messages": [lookup_model.invoke(state["messages"])]}


refund_builder = StateGraph(MessagesState)
refund_builder.add_node("agent", refund_step)
refund_builder.add_node("tools", ToolNode([read_charge, refund_charge]))
refund_builder.add_edge(START, "agent")
refund_builder.add_conditional_edges("agent", tools_condition)
refund_builder.add_edge("tools", "agent")
refunds = refund_builder.compile()

lookup_builder = StateGraph(MessagesState)
lookup_builder.add_node("agent", lookup_step)
lookup_builder.add_node("tools", ToolNode([read_charge]))
lookup_builder.add_edge(START, "agent")
lookup_builder.add_conditional_edges("agent", tools_condition)
lookup_builder.add_edge("tools", "agent")
lookup = lookup_builder.compile()
`,
    });
    const { agents } = await tree.scan();
    expect(summary(agents)).toEqual(['langgraph-graph lookup agent', 'langgraph-graph refunds agent']);
    expect(capabilityKinds(itemNamed(agents, 'refunds'))).toEqual(['data-read', 'payment']);
    expect(capabilityKinds(itemNamed(agents, 'lookup'))).toEqual(['data-read']);
  });
});

describe('a file langgraph.json names once', () => {
  it('keeps every tool list of the file, as a model a lambda node calls may hold any', async () => {
    tree.writeAll({
      'langgraph.json': JSON.stringify({ graphs: { refunds: './src/desk/graph.py:graph' } }),
      'src/desk/__init__.py': '',
      'src/desk/tools.py': PY_TOOLS,
      'src/desk/graph.py': `from langchain_openai import ChatOpenAI
from langgraph.graph import START, MessagesState, StateGraph

from desk.tools import read_charge, refund_charge

tools = [read_charge, refund_charge]
llm = ChatOpenAI(model="gpt-4.1").bind_tools(tools)

builder = StateGraph(MessagesState)
builder.add_node("agent", lambda state: {"messages": [llm.invoke(state["messages"])]})
builder.add_edge(START, "agent")
graph = builder.compile()
`,
    });
    const { agents } = await tree.scan();
    expect(capabilityKinds(itemNamed(agents, 'refunds'))).toEqual(['data-read', 'payment']);
  });
});

describe('two graphs of langgraph.json in one TypeScript file', () => {
  it('each createReactAgent and each chained StateGraph holds its own tools', async () => {
    tree.writeAll({
      'langgraph.json': JSON.stringify({ node_version: '20', graphs: { refunds: './src/graphs.ts:refunds', lookup: './src/graphs.ts:lookup', digest: './src/graphs.ts:digest' }, env: '.env' }),
      'src/tools.ts': `import { tool } from "@langchain/core/tools";
import { z } from "zod";
import Stripe from "stripe";
import { Pool } from "pg";

const pool = new Pool({ connectionString: process.env.LEDGER_URL });
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export const readCharge = tool(async ({ id }) => JSON.stringify((await pool.query("SELECT * FROM charges WHERE id = $1", [id])).rows[0]), {
  name: "read_charge",
  description: "Read a charge from the ledger",
  schema: z.object({ id: z.string() }),
});

export const refundCharge = tool(async ({ id }) => (await stripe.refunds.create({ charge: id })).id, {
  name: "refund_charge",
  description: "Refund a charge",
  schema: z.object({ id: z.string() }),
});
`,
      'src/graphs.ts': `import { ChatOpenAI } from "@langchain/openai";
import { MessagesAnnotation, StateGraph } from "@langchain/langgraph";
import { createReactAgent, ToolNode, toolsCondition } from "@langchain/langgraph/prebuilt";
import { readCharge, refundCharge } from "./tools";

const llm = new ChatOpenAI({ model: "gpt-4.1" });

export const refunds = createReactAgent({ llm, tools: [readCharge, refundCharge], name: "refunds" });

export const lookup = createReactAgent({ llm, tools: [readCharge], name: "lookup" });

const digestModel = llm.bindTools([readCharge]);

async function digestStep(state: typeof MessagesAnnotation.State) {
  return { messages: [await digestModel.invoke(state.messages)] };
}

export const digest = new StateGraph(MessagesAnnotation)
  .addNode("agent", digestStep)
  .addNode("tools", new ToolNode([readCharge]))
  .addEdge("__start__", "agent")
  .addConditionalEdges("agent", toolsCondition)
  .addEdge("tools", "agent")
  .compile();
`,
    });
    const { agents } = await tree.scan();
    expect(summary(agents)).toEqual(['langgraph-graph digest agent', 'langgraph-graph lookup agent', 'langgraph-graph refunds agent']);
    expect(capabilityKinds(itemNamed(agents, 'refunds'))).toEqual(['data-read', 'payment']);
    expect(capabilityKinds(itemNamed(agents, 'lookup'))).toEqual(['data-read']);
    expect(capabilityKinds(itemNamed(agents, 'digest'))).toEqual(['data-read']);
  });
});
