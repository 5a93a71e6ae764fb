import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { scanTreeFixture } from '../scan/test-scan-tree';

/**
 * Agents kept in examples/: examples of a library or application, the agents of a repository that
 * is a collection of them, or code a deployment config runs. The real scanner over small trees.
 */

const tree = scanTreeFixture('atw-examples-');
const write = tree.write;
async function scan(): Promise<DiscoveredAgent[]> {
  return (await tree.scan()).agents;
}
const COUNTED = 0.5;
const counted = (agents: DiscoveredAgent[]) => agents.filter((a) => a.classification !== 'example' && a.confidence >= COUNTED).map((a) => `${a.classification} ${a.unit.kind} ${a.unit.path}`).sort();
const examples = (agents: DiscoveredAgent[]) => agents.filter((a) => a.classification === 'example').map((a) => `${a.unit.kind} ${a.unit.path}`).sort();

const GRAPH_PY = 'from langchain_openai import ChatOpenAI\nfrom langgraph.prebuilt import create_react_agent\n\nmodel = ChatOpenAI(model="gpt-4.1")\napp = create_react_agent(model, tools=[], name="support")\n\nif __name__ == "__main__":\n    print(app.invoke({"messages": [("user", "Where is my refund?")]}))\n';
const SUPERVISOR_PY = 'from langchain_openai import ChatOpenAI\nfrom langgraph.prebuilt import create_react_agent\nfrom langgraph_supervisor import create_supervisor\n\nmodel = ChatOpenAI(model="gpt-4.1")\nbilling = create_react_agent(model, tools=[], name="billing")\napp = create_supervisor([billing], model=model).compile()\n';
const LIBRARY_PY = 'from langchain_core.language_models import LanguageModelLike\nfrom langgraph.graph import StateGraph\n\n\ndef create_swarm(agents, default_active_agent):\n    builder = StateGraph(dict)\n    for agent in agents:\n        builder.add_node(agent.name, agent)\n    return builder\n';
const AGENT_TS = "import { Agent, run } from '@openai/agents';\nconst agent = new Agent({ name: 'Budget coach', instructions: 'Help with budgets', model: 'gpt-4.1' });\nconst result = await run(agent, process.argv[2] ?? 'Plan my month');\nconsole.log(result.finalOutput);\n";

describe('agents under examples/', () => {
  it('in a library repository they are examples, while a root langgraph.json naming one deploys it at full trust', async () => {
    write('pyproject.toml', '[project]\nname = "swarm"\n');
    write('swarm/__init__.py', 'from swarm.core import create_swarm\n');
    write('swarm/core.py', LIBRARY_PY);
    write('examples/customer_support.py', SUPERVISOR_PY);
    write('examples/research/agent.py', GRAPH_PY.replace('support', 'research'));
    write('langgraph.json', JSON.stringify({ dependencies: ['.'], graphs: { app: './examples/customer_support.py:app' } }));
    const found = await scan();
    // The graph's worker is deployed with it, not an example of the library.
    expect(counted(found)).toEqual(['agent langgraph-graph langgraph.json', 'agent sub-agent examples/customer_support.py']);
    expect(examples(found)).toEqual(['code-entry-point examples/research/agent.py']);
  });

  it('in a repository whose only model code lives there (Python and TypeScript), they are its agents', async () => {
    write('README.md', '# Agent examples\n');
    write('examples/refunds/agent.py', GRAPH_PY);
    write('examples/budget-coach/index.ts', AGENT_TS);
    expect(counted(await scan())).toEqual(['agent code-entry-point examples/budget-coach/index.ts', 'agent code-entry-point examples/refunds/agent.py']);
  });

  it("examples show how the code beside them is used: a collection kept in one folder of a bigger repository is judged by that folder", async () => {
    write('.git/HEAD', 'ref: refs/heads/main\n');
    write('services/payments/agent.py', GRAPH_PY.replace('support', 'payments'));
    write('services/recipes/examples/refunds/agent.py', GRAPH_PY.replace('support', 'refunds'));
    write('services/payments/examples/ask.py', GRAPH_PY.replace('support', 'ask'));
    const found = await scan();
    expect(counted(found)).toEqual(['agent code-entry-point services/payments/agent.py', 'agent code-entry-point services/recipes/examples/refunds/agent.py']);
    expect(examples(found)).toEqual(['code-entry-point services/payments/examples/ask.py']);
  });

  it('a snippet in docs/ stays trusted less even when nothing else in the repository uses a model', async () => {
    write('payouts/ledger.py', 'def total(rows):\n    return sum(r.amount for r in rows)\n');
    write('docs/examples/agent.py', GRAPH_PY);
    const found = await scan();
    expect(counted(found)).toEqual([]);
    expect(found.map((a) => a.unit.path)).toEqual(['docs/examples/agent.py']);
  });
});
