import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { AnalyzerPool } from './analyzer-pool';
import { scanFolder } from './scan-folder';
import { capabilityKinds, itemNamed, scanTreeFixture } from './test-scan-tree';

/**
 * LangGraph deployments, sub-agents, remote callers and model-free graphs as a person reviewing
 * the queue sees them: the real scanner over small trees.
 */
const tree = scanTreeFixture('atw-langgraph-');
const write = tree.writeAll;
const scan = tree.scan;

const links = (agent: DiscoveredAgent) => (agent.links ?? []).map((l) => `${l.relation}:${l.name}`).sort();

const WORKERS = `import os
import subprocess
import psycopg
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent

model = ChatOpenAI(model="gpt-4.1")

@tool
def read_orders(customer_id: str) -> list:
    """Orders of a customer."""
    with psycopg.connect(os.environ["DB_URL"]) as conn:
        return conn.execute("SELECT id FROM orders WHERE customer_id = %s", (customer_id,)).fetchall()

@tool
def restart_service(name: str) -> str:
    """Restart a service."""
    return subprocess.run(["systemctl", "restart", name], capture_output=True, text=True).stdout

orders_agent = create_react_agent(model, tools=[read_orders], name="orders")
ops_agent = create_react_agent(model, tools=[restart_service], name="ops")
`;

describe('langgraph.json deployments', () => {
  it('lists every declared graph, links the graph another one runs, and makes each worker a sub-agent holding its own tools', async () => {
    write({
      'langgraph.json': JSON.stringify({ dependencies: ['.'], graphs: { desk: './desk/supervisor.py:graph', orders: './desk/orders_graph.py:graph' }, env: '.env' }),
      '.env': 'OPENAI_API_KEY=local-dev-key\nDB_URL=postgresql://localhost/desk\n',
      'desk/__init__.py': '',
      'desk/workers.py': WORKERS,
      'desk/orders_graph.py': 'from desk.workers import orders_agent\n\ngraph = orders_agent\n',
      'desk/supervisor.py': `from langchain_openai import ChatOpenAI
from langgraph_supervisor import create_supervisor
from desk import workers

graph = create_supervisor(model=ChatOpenAI(model="gpt-4.1-mini"), agents=[workers.orders_agent, workers.ops_agent]).compile()
`,
    });
    const { agents } = await scan();
    expect(agents.map((a) => [a.unit.kind, a.unit.name, a.unit.path, a.classification]).sort()).toEqual([
      ['langgraph-graph', 'desk', 'langgraph.json', 'agent'],
      ['langgraph-graph', 'orders', 'langgraph.json', 'agent'],
      ['sub-agent', 'ops', 'desk/workers.py', 'agent'],
    ]);
    const desk = itemNamed(agents, 'desk');
    expect(desk.entryPoints).toEqual(['desk/supervisor.py']);
    expect(links(desk)).toEqual(['sub-agent:ops', 'sub-agent:orders']);
    // The supervisor is given no tool: each worker holds what its tools do, shown on the worker's item, not repeated here.
    expect(capabilityKinds(desk)).toEqual([]);
    const ops = itemNamed(agents, 'ops');
    expect(ops).toMatchObject({ entryPoints: ['desk/workers.py'], trigger: { kind: 'chained', description: 'Run by desk' } });
    expect(capabilityKinds(ops)).toEqual(['shell-exec']);
    expect(links(ops)).toEqual(['parent:desk']);
    // `orders` is a graph of its own although `desk` runs it: linked, not listed twice.
    const orders = itemNamed(agents, 'orders');
    expect(orders.entryPoints).toEqual(['desk/orders_graph.py']);
    // The graph runs the workers module, but only its own agent's tool: the other worker's service restart is not its.
    expect(capabilityKinds(orders)).toEqual(['data-read']);
    expect(links(orders)).toEqual(['parent:desk']);
    expect(desk.credentials.map((c) => c.name)).toContain('OPENAI_API_KEY');
  });

  it('gives each graph the keys of an env file kept in another folder', async () => {
    write({
      'deploy/langgraph.json': JSON.stringify({ graphs: { agent: '../src/agent.py:graph' }, env: '../config/.env' }),
      'config/.env': 'ANTHROPIC_API_KEY=local-dev-key\nZENDESK_TOKEN=local-dev-token\n',
      'src/agent.py': 'from langgraph.prebuilt import create_react_agent\ngraph = create_react_agent("anthropic:claude-sonnet-4-5", tools=[])\n',
    });
    const { agents } = await scan();
    const agent = itemNamed(agents, 'agent');
    expect(agent.entryPoints).toEqual(['src/agent.py']);
    expect(agent.credentials.filter((c) => c.kind === 'env-var').map((c) => [c.name, c.evidence.path]).sort()).toEqual([
      ['ANTHROPIC_API_KEY', 'config/.env'],
      ['ZENDESK_TOKEN', 'config/.env'],
    ]);
  });

  it('warns about a malformed langgraph.json and still finds the rest', async () => {
    write({
      'langgraph.json': '{"graphs": {"agent": "./agent.py:graph"',
      'agent.py': 'from langgraph.prebuilt import create_react_agent\ngraph = create_react_agent("openai:gpt-4.1", tools=[])\n',
    });
    const { agents, warnings } = await scan();
    expect(warnings.some((w) => w.path === 'langgraph.json' && /not valid JSON/.test(w.message))).toBe(true);
    expect(agents.map((a) => [a.unit.kind, a.unit.path])).toEqual([['code-entry-point', 'agent.py']]);
  });
});

describe('sub-agents', () => {
  it('links a handoff chain agent by agent: the unit runs the triage agent, each target is an item linked to the agent that hands off', async () => {
    write({
      Procfile: 'worker: python -m support.worker\n',
      'support/__init__.py': '',
      'support/worker.py': 'from agents import Runner\nfrom support.team import triage\n\nif __name__ == "__main__":\n    print(Runner.run_sync(triage, "hello").final_output)\n',
      'support/team.py': `from agents import Agent
refunds = Agent(name="Refunds", instructions="...")
billing = Agent(name="Billing", instructions="...", handoffs=[refunds])
triage = Agent(name="Triage", instructions="...", handoffs=[billing])
`,
    });
    const { agents } = await scan();
    const worker = itemNamed(agents, 'worker');
    expect(links(worker)).toEqual(['handoff-to:Billing']);
    expect(links(itemNamed(agents, 'Billing'))).toEqual(['handoff-from:worker', 'handoff-to:Refunds']);
    expect(links(itemNamed(agents, 'Refunds'))).toEqual(['handoff-from:Billing']);
    expect(agents.filter((a) => a.unit.kind === 'sub-agent').map((a) => a.unit.path)).toEqual(['support/team.py', 'support/team.py']);
    expect(agents.some((a) => a.unit.name === 'Triage')).toBe(false);
  });

  it('an agent built by a factory the entry imports is a sub-agent of the unit that runs it', async () => {
    write({
      'langgraph.json': JSON.stringify({ graphs: { desk: './desk/graph.py:graph' } }),
      'desk/__init__.py': '',
      'desk/researcher.py': 'from langgraph.prebuilt import create_react_agent\n\ndef make_researcher(model):\n    return create_react_agent(model, tools=[], name="researcher")\n',
      'desk/unused.py': 'from langgraph.prebuilt import create_react_agent\nstray = create_react_agent("openai:gpt-4.1", tools=[], name="stray")\n',
      'desk/graph.py': `from langchain_openai import ChatOpenAI
from langgraph_supervisor import create_supervisor
from desk.researcher import make_researcher
from desk import unused

model = ChatOpenAI(model="gpt-4.1")
graph = create_supervisor(model=model, agents=[make_researcher(model)]).compile()
`,
    });
    const { agents } = await scan();
    expect(agents.map((a) => [a.unit.kind, a.unit.name]).sort()).toEqual([
      ['langgraph-graph', 'desk'],
      ['sub-agent', 'researcher'],
    ]);
    expect(links(itemNamed(agents, 'desk'))).toEqual(['sub-agent:researcher']);
  });

  it('a swarm runs each of its agents, which hand over to each other by name; specialists handing back to triage leave it the root', async () => {
    write({
      'swarm.py': `from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
from langgraph_swarm import create_handoff_tool, create_swarm

model = ChatOpenAI(model="gpt-4.1")
alice = create_react_agent(model, [create_handoff_tool(agent_name="Bob")], name="Alice")
bob = create_react_agent(model, [create_handoff_tool(agent_name="Alice")], name="Bob")
app = create_swarm([alice, bob], default_active_agent="Alice").compile()

if __name__ == "__main__":
    app.invoke({"messages": []})
`,
      'team.py': `from agents import Agent, Runner
billing = Agent(name="Billing", instructions="...")
triage = Agent(name="Triage", instructions="...", handoffs=[billing])
billing.handoffs = [triage]
refunds = Agent(name="Refunds", instructions="...", handoffs=[triage])
triage.handoffs.append(refunds)

if __name__ == "__main__":
    Runner.run_sync(triage, "hello")
`,
    });
    const { agents } = await scan();
    const swarm = itemNamed(agents, 'swarm.py');
    expect(links(swarm)).toEqual(['sub-agent:Alice', 'sub-agent:Bob']);
    expect(links(itemNamed(agents, 'Alice'))).toEqual(['handoff-from:Bob', 'handoff-to:Bob', 'parent:swarm']);
    // Triage is the agent the unit starts; Refunds hands back to it. Triage's late `append` is not
    // read, so the unit is only known to run Refunds, as one of its agents.
    expect(links(itemNamed(agents, 'team.py'))).toEqual(['handoff-from:Refunds', 'handoff-to:Billing', 'sub-agent:Refunds']);
    expect(links(itemNamed(agents, 'Refunds'))).toEqual(['handoff-to:team', 'parent:team']);
    expect(agents.some((a) => a.unit.name === 'Triage')).toBe(false);
  });

  it('one worker module run by two deployments is one sub-agent item linked to both', async () => {
    write({
      'k8s/batch.yaml': 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: run\n              image: x\n              command: ["python", "-m", "desk.batch"]\n',
      'k8s/api.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: x\n          command: ["uvicorn", "desk.api:app"]\n',
      'desk/__init__.py': '',
      'desk/workers.py': WORKERS,
      'desk/batch.py': 'from desk.workers import orders_agent, ops_agent\n\nif __name__ == "__main__":\n    orders_agent.invoke({"messages": []})\n    ops_agent.invoke({"messages": []})\n',
      'desk/api.py': 'from fastapi import FastAPI\nfrom desk.workers import orders_agent, ops_agent\napp = FastAPI()\n@app.post("/ask")\ndef ask(q: str):\n    return orders_agent.invoke({"messages": [q]}), ops_agent.invoke({"messages": [q]})\n',
    });
    const { agents } = await scan();
    const subAgents = agents.filter((a) => a.unit.kind === 'sub-agent');
    expect(subAgents.map((a) => a.unit.name).sort()).toEqual(['ops', 'orders']);
    expect(links(itemNamed(agents, 'orders'))).toEqual(['parent:api', 'parent:nightly']);
  });
});

describe('remote callers', () => {
  it('a route that only streams from a deployed graph is its caller, linked to the graph; an agent that also calls it stays an agent', async () => {
    write({
      'langgraph.json': JSON.stringify({ graphs: { helper: './graph.py:graph' } }),
      'graph.py': 'from langgraph.prebuilt import create_react_agent\ngraph = create_react_agent("openai:gpt-4.1", tools=[])\n',
      'web/app/api/chat/route.ts': `import { Client } from "@langchain/langgraph-sdk";
import type { ChatOpenAI } from "@langchain/openai";
const client = new Client({ apiUrl: process.env.LANGGRAPH_API_URL });
export async function POST(req: Request) {
  return client.runs.stream(null, "helper", { input: await req.json() });
}
`,
      'bot.py': `from langchain_openai import ChatOpenAI
from langgraph.pregel.remote import RemoteGraph
from langgraph.prebuilt import create_react_agent
helper = RemoteGraph("helper", url="https://helper.example.com")
bot = create_react_agent(ChatOpenAI(model="gpt-4.1"), tools=[helper.as_tool()])
if __name__ == "__main__":
    bot.invoke({"messages": []})
`,
    });
    const { agents } = await scan();
    const route = itemNamed(agents, 'web/app/api/chat/route.ts');
    expect(route).toMatchObject({ classification: 'remote-caller', remoteAgent: { platform: 'langgraph-platform', name: 'helper', url: null } });
    expect(links(route)).toEqual(['remote-agent:helper']);
    const bot = itemNamed(agents, 'bot.py');
    expect(bot.classification).toBe('agent');
    expect(bot.remoteAgent).toBeUndefined();
    expect(links(bot)).toEqual(['remote-agent:helper']);
    expect(links(itemNamed(agents, 'helper'))).toEqual(['caller:api/chat', 'caller:bot']);
  });

  it('with two deployments serving a graph of the same name, a caller is linked to the one of its own service', async () => {
    const graph = 'from langgraph.prebuilt import create_react_agent\ngraph = create_react_agent("openai:gpt-4.1", tools=[])\n';
    write({
      'services/a/langgraph.json': JSON.stringify({ graphs: { agent: './graph.py:graph' } }),
      'services/a/graph.py': graph,
      'services/b/langgraph.json': JSON.stringify({ graphs: { agent: './graph.py:graph' } }),
      'services/b/graph.py': graph,
      'services/b/scripts/smoke.py': 'from langgraph_sdk import get_sync_client\nif __name__ == "__main__":\n    get_sync_client(url="http://localhost:2024").runs.wait(None, "agent", input={})\n',
    });
    const { agents } = await scan();
    const caller = itemNamed(agents, 'services/b/scripts/smoke.py');
    expect(caller.classification).toBe('remote-caller');
    expect(caller.links?.map((l) => l.identityKey)).toEqual(['repo:langgraph-graph:services/b/langgraph.json#agent']);
  });

  it('an OpenAI Assistants runner on a schedule is a caller of the assistant, not an agent', async () => {
    write({
      '.github/workflows/digest.yml': 'name: Digest\non:\n  schedule:\n    - cron: "0 6 * * *"\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python digest.py\n',
      'digest.py': 'import os\nfrom openai import OpenAI\nclient = OpenAI()\nif __name__ == "__main__":\n    client.beta.threads.create_and_run_poll(assistant_id=os.getenv("DIGEST_ASSISTANT_ID"), thread={"messages": []})\n',
    });
    const { agents } = await scan();
    expect(agents.map((a) => [a.unit.name, a.classification, a.remoteAgent?.platform, a.remoteAgent?.name])).toEqual([['Digest/run', 'remote-caller', 'openai-assistants', 'DIGEST_ASSISTANT_ID']]);
  });
});

describe('graphs and helpers', () => {
  it('a StateGraph with no model is not a candidate, as a script or as a declared graph', async () => {
    write({
      'langgraph.json': JSON.stringify({ graphs: { sync: './sync.py:graph' } }),
      'sync.py': 'from langgraph.graph import StateGraph, START\nbuilder = StateGraph(dict)\nbuilder.add_node("copy", lambda s: s)\nbuilder.add_edge(START, "copy")\ngraph = builder.compile()\n',
      'etl.ts': 'import { StateGraph, Annotation } from "@langchain/langgraph";\nconst S = Annotation.Root({});\nconst app = new StateGraph(S).addNode("load", async () => ({})).compile();\napp.invoke({});\n',
    });
    const { agents } = await scan();
    expect(agents).toEqual([]);
  });

  it('a helper module imported as `from pkg import module` joins its agent instead of becoming an item', async () => {
    write({
      'app/__init__.py': '',
      'app/main.py': 'from app import summarise\nfrom app.tools import billing as b\nif __name__ == "__main__":\n    print(summarise.digest(b.open_invoices()))\n',
      'app/summarise.py': 'from openai import OpenAI\nclient = OpenAI()\ndef digest(rows):\n    return client.responses.create(model="gpt-4.1-mini", input=str(rows)).output_text\n',
      'app/tools/__init__.py': '',
      'app/tools/billing.py': 'import os\nimport psycopg\ndef open_invoices():\n    with psycopg.connect(os.environ["DB_URL"]) as conn:\n        return conn.execute("SELECT id FROM invoices WHERE open").fetchall()\n',
    });
    const { agents } = await scan();
    expect(agents.map((a) => [a.unit.path, a.codeFiles.sort()])).toEqual([['app/main.py', ['app/__init__.py', 'app/main.py', 'app/summarise.py', 'app/tools/__init__.py', 'app/tools/billing.py']]]);
    expect(capabilityKinds(agents[0]!)).toEqual(['data-read']);
  });

  it('a library that builds agents only from the caller’s model is no item, and a studio langgraph.json naming the same graph is the same deployment (the langgraph-supervisor shape)', async () => {
    write({
      'langgraph.json': '{"graphs": {"report": "studio/graph.py:graph"}, "env": "./.env", "dependencies": ["."]}',
      'studio/langgraph.json': '{"graphs": {"report": "./graph.py:graph"}, "dependencies": [".", "graph"]}',
      'studio/graph.py':
        'from langchain_openai import ChatOpenAI\nfrom langgraph.prebuilt import create_react_agent\nfrom langgraph_supervisor import create_supervisor\n\nmodel = ChatOpenAI(model="gpt-4o")\nmath = create_react_agent(model=model, tools=[], name="math_expert")\ngraph = create_supervisor([math], model=model).compile()\n',
      'langgraph_supervisor/__init__.py': 'from langgraph_supervisor.supervisor import create_supervisor\n\n__all__ = ["create_supervisor"]\n',
      'langgraph_supervisor/supervisor.py':
        'from langchain_core.language_models import LanguageModelLike\nfrom langgraph.graph import StateGraph\nfrom langgraph.prebuilt import create_react_agent\n\n\ndef create_supervisor(agents, *, model: LanguageModelLike, prompt=None):\n    supervisor_agent = create_react_agent(name="supervisor", model=model, tools=[], prompt=prompt)\n    builder = StateGraph(dict)\n    builder.add_node(supervisor_agent)\n    for agent in agents:\n        builder.add_node(agent.name, agent)\n    return builder\n',
    });
    const { agents } = await scan();
    // The library's modules are no code entry points of their own; the graph is listed once.
    expect(agents.filter((a) => a.unit.kind !== 'sub-agent').map((a) => `${a.classification} ${a.unit.kind} ${a.unit.path} ${a.unit.name}`)).toEqual(['agent langgraph-graph langgraph.json report']);
    expect(agents.find((a) => a.unit.name === 'math_expert')).toMatchObject({ unit: { kind: 'sub-agent', path: 'studio/graph.py' } });
  });
});

describe('a remote-agent rule a workspace turned off', () => {
  it('leaves no caller item and no link: the script calls no model, so nothing is left to review', async () => {
    write({
      'langgraph.json': JSON.stringify({ graphs: { support: './graph.py:graph' } }),
      'graph.py': 'from langgraph.prebuilt import create_react_agent\ngraph = create_react_agent("openai:gpt-4.1", tools=[])\n',
      'scripts/replay.py': 'from langgraph_sdk import get_sync_client\nif __name__ == "__main__":\n    get_sync_client(url="http://localhost:2024").runs.wait(None, "support", input={})\n',
    });
    const before = await scan();
    expect(itemNamed(before.agents, 'scripts/replay.py').remoteAgent?.evidence.ruleId).toBe('code.remote-agent.langgraph-platform');
    const pool = new AnalyzerPool(new Set(['code.remote-agent.langgraph-platform']), TEST_FINGERPRINT_KEY, 1);
    try {
      const after = await scanFolder(tree.root(), { pool, label: 'repo', fingerprintKey: TEST_FINGERPRINT_KEY, disabledRuleIds: new Set(['code.remote-agent.langgraph-platform']) });
      expect(after.agents.map((a) => [a.unit.name, a.classification])).toEqual([['support', 'agent']]);
      expect(after.agents[0]!.links).toBeUndefined();
    } finally {
      await pool.close();
    }
  });
});
