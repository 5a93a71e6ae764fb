import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { analyzeCode } from '../code/analyze-code';
import { loadCodeParsers } from '../code/parser';
import { RULES } from '../code/test-helpers';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { linkUnits } from './link-units';

/** Every file analysed in full, then linked, as a scan does. */
async function link(files: Record<string, string>): Promise<DiscoveredAgent[]> {
  await loadCodeParsers();
  const findings = Object.entries(files).flatMap(([path, text]) => analyzeCode(path, text, RULES, TEST_FINGERPRINT_KEY, undefined, { skipPrefilter: true }) ?? []);
  return linkUnits('t', findings);
}

const TOOLS = `import os
import requests
import smtplib
from crewai.tools import BaseTool

class FetchPageTool(BaseTool):
    name: str = "fetch_page"
    description: str = "Download an article"

    def _run(self, url: str) -> str:
        return requests.get(url, timeout=20).text

class SendDigestTool(BaseTool):
    name: str = "send_digest"
    description: str = "Email the digest"

    def _run(self, body: str) -> str:
        with smtplib.SMTP_SSL(os.environ["SMTP_HOST"], 465) as smtp:
            smtp.sendmail("bot@northwind-pay.example", ["desk@northwind-pay.example"], body)
        return "sent"
`;

const CREW = `from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task
from digest.tools import FetchPageTool, SendDigestTool

@CrewBase
class DigestCrew:
    @agent
    def reader(self) -> Agent:
        return Agent(config=self.agents_config["reader"], tools=[FetchPageTool()], llm="gpt-4o")

    @agent
    def sender(self) -> Agent:
        return Agent(role="Digest sender", goal="Send", backstory="...", tools=[SendDigestTool()], llm="gpt-4o")

    @crew
    def crew(self) -> Crew:
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.sequential)
`;

describe('agents of a crew a unit kicks off', () => {
  it('are items of their own, linked to the unit, each holding the class tools it is handed, shown once by their own names', async () => {
    const agents = await link({
      'digest/tools.py': TOOLS,
      'digest/crew.py': CREW,
      'digest/main.py': `from digest.crew import DigestCrew\n\nDigestCrew().crew().kickoff(inputs={"day": "today"})\n`,
    });
    const unit = agents.find((a) => a.unit.kind === 'code-entry-point')!;
    expect(unit.entryPoints).toEqual(['digest/main.py']);
    const subAgents = agents.filter((a) => a.unit.kind === 'sub-agent').map((a) => [a.name, a.tools.map((t) => t.name), [...new Set(a.capabilities.map((c) => c.kind))]]);
    expect(subAgents).toEqual([
      ['reader', ['fetch_page'], ['outbound-network']],
      ['Digest sender', ['send_digest'], ['external-communication']],
    ]);
    expect(unit.links?.map((l) => [l.relation, l.name])).toEqual([
      ['sub-agent', 'reader'],
      ['sub-agent', 'Digest sender'],
    ]);
    // The crew holds no tool itself: its agents' tools are shown on them, not repeated on the unit.
    expect(unit.capabilities).toEqual([]);
  });

  it('are not items when the only file building them is a factory nothing calls', async () => {
    const agents = await link({
      'digest/tools.py': TOOLS,
      'digest/drafts.py': `from crewai import Agent\nfrom digest.tools import FetchPageTool\n\ndef build_reader(llm):\n    return Agent(role="Reader", goal="Read", backstory="...", tools=[FetchPageTool()], llm=llm)\n`,
    });
    expect(agents.filter((a) => a.classification === 'agent')).toEqual([]);
  });
});

const CHARGE_TOOLS = `import Stripe from "stripe";
import postgres from "postgres";
import { createTool } from "@voltagent/core";
import { z } from "zod";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "");
const sql = postgres(process.env.DATABASE_URL ?? "");

export const lookupChargeTool = createTool({
  name: "lookup_charge",
  description: "Read a charge",
  parameters: z.object({ chargeId: z.string() }),
  execute: async ({ chargeId }) => sql\`select amount, status from charges where id = \${chargeId}\`,
});

export const refundChargeTool = createTool({
  name: "refund_charge",
  description: "Refund a charge",
  parameters: z.object({ chargeId: z.string() }),
  execute: async ({ chargeId }) => stripe.refunds.create({ charge: chargeId }),
});
`;

describe('agents a VoltAgent supervisor or an AgentKit network runs', () => {
  it('VoltAgent subAgents are items of their own, each holding its own tools and the model written in its own definition, linked to the supervisor the unit runs', async () => {
    const agents = await link({
      'src/tools/charges.ts': CHARGE_TOOLS,
      'src/agents/refunder.ts': `import { Agent } from "@voltagent/core";\nimport { anthropic } from "@ai-sdk/anthropic";\nimport { refundChargeTool } from "../tools/charges";\n\nexport const refunder = new Agent({ name: "refunder", instructions: "Refund.", model: anthropic("claude-sonnet-4-5"), tools: [refundChargeTool] });\n`,
      'src/index.ts': `import { Agent, VoltAgent, createSubagent } from "@voltagent/core";
import { anthropic } from "@ai-sdk/anthropic";
import { openai } from "@ai-sdk/openai";
import { lookupChargeTool } from "./tools/charges";
import { refunder } from "./agents/refunder";

const investigator = new Agent({ name: "investigator", instructions: "Look charges up.", model: openai("gpt-4o-mini"), tools: [lookupChargeTool] });

const supervisor = new Agent({
  name: "chargeback-supervisor",
  instructions: "Delegate.",
  model: anthropic("claude-sonnet-4-5"),
  subAgents: [investigator, createSubagent({ agent: refunder, method: "generateText" })],
});

new VoltAgent({ agents: { supervisor } });
`,
    });
    const unit = agents.find((a) => a.unit.kind === 'code-entry-point')!;
    expect(unit.entryPoints).toEqual(['src/index.ts']);
    const subAgents = agents.filter((a) => a.unit.kind === 'sub-agent').map((a) => [a.name, a.unit.path, a.tools.map((t) => t.name), [...new Set(a.capabilities.map((c) => c.kind))], [...new Set(a.llm.map((use) => use.provider))]]);
    expect(subAgents).toEqual([
      ['investigator', 'src/index.ts', ['lookup_charge'], ['data-read'], ['openai']],
      ['refunder', 'src/agents/refunder.ts', ['refund_charge'], ['payment'], ['anthropic']],
    ]);
    expect(unit.links?.map((l) => [l.relation, l.name])).toEqual([
      ['sub-agent', 'investigator'],
      ['sub-agent', 'refunder'],
    ]);
    expect(unit.capabilities).toEqual([]);
  });

  it('each agent the VoltAgent server registers is an item with its own tools, the one its entry creates too; a Mastra registry object of another module registers that module whole', async () => {
    const agents = await link({
      'src/tools/charges.ts': CHARGE_TOOLS,
      'src/agents/refunder.ts': `import { Agent } from "@voltagent/core";\nimport { anthropic } from "@ai-sdk/anthropic";\nimport { refundChargeTool } from "../tools/charges";\n\nexport const refunder = new Agent({ name: "refunder", instructions: "Refund.", model: anthropic("claude-sonnet-4-5"), tools: [refundChargeTool] });\n`,
      'src/index.ts': `import { Agent, VoltAgent } from "@voltagent/core";
import { openai } from "@ai-sdk/openai";
import { lookupChargeTool } from "./tools/charges";
import { refunder } from "./agents/refunder";

const investigator = new Agent({ name: "investigator", instructions: "Look charges up.", model: openai("gpt-4o-mini"), tools: [lookupChargeTool] });

new VoltAgent({ agents: { investigator, refunder } });
`,
    });
    const unit = agents.find((a) => a.unit.kind === 'code-entry-point')!;
    const subAgents = agents.filter((a) => a.unit.kind === 'sub-agent').map((a) => [a.name, a.tools.map((t) => t.name), [...new Set(a.capabilities.map((c) => c.kind))]]);
    expect(subAgents).toEqual([
      ['investigator', ['lookup_charge'], ['data-read']],
      ['refunder', ['refund_charge'], ['payment']],
    ]);
    expect(unit.links?.map((l) => [l.relation, l.name])).toEqual([
      ['sub-agent', 'investigator'],
      ['sub-agent', 'refunder'],
    ]);
    expect(unit.capabilities).toEqual([]);

    const mastra = await link({
      'src/mastra/agents/index.ts': 'import { intakeAgent } from "./intake";\nimport { refundAgent } from "./refunds";\n\nexport const mastraAgents = { intakeAgent, refundAgent };\n',
      'src/mastra/agents/intake.ts': 'import { Agent } from "@mastra/core/agent";\nimport { openai } from "@ai-sdk/openai";\n\nexport const intakeAgent = new Agent({ name: "Intake", instructions: "Sort.", model: openai("gpt-4o-mini") });\n',
      'src/mastra/agents/refunds.ts': 'import { Agent } from "@mastra/core/agent";\nimport { openai } from "@ai-sdk/openai";\n\nexport const refundAgent = new Agent({ name: "Refunds", instructions: "Refund.", model: openai("gpt-4o") });\n',
      'src/mastra/index.ts': 'import { Mastra } from "@mastra/core/mastra";\nimport { mastraAgents } from "./agents";\n\nexport const mastra = new Mastra({ agents: mastraAgents });\n',
    });
    expect(mastra.map((a) => [a.unit.kind, a.name]).sort()).toEqual([
      ['code-entry-point', 'mastra'],
      ['sub-agent', 'Intake'],
      ['sub-agent', 'Refunds'],
    ]);
    // The registry in a module of its own beside the agents' folder: the agents it imports are the ones registered.
    const beside = await link({
      'src/mastra/registry.ts': 'import { intakeAgent } from "./agents/intake";\nimport { refundAgent } from "./agents/refunds";\n\nexport const mastraAgents = { intakeAgent, refundAgent };\n',
      'src/mastra/agents/intake.ts': 'import { Agent } from "@mastra/core/agent";\nimport { openai } from "@ai-sdk/openai";\n\nexport const intakeAgent = new Agent({ name: "Intake", instructions: "Sort.", model: openai("gpt-4o-mini") });\n',
      'src/mastra/agents/refunds.ts': 'import { Agent } from "@mastra/core/agent";\nimport { openai } from "@ai-sdk/openai";\n\nexport const refundAgent = new Agent({ name: "Refunds", instructions: "Refund.", model: openai("gpt-4o") });\n',
      'src/mastra/agents/drafts.ts': 'import { Agent } from "@mastra/core/agent";\nimport { openai } from "@ai-sdk/openai";\n\nexport const draftAgent = new Agent({ name: "Drafts", instructions: "Not registered yet.", model: openai("gpt-4o") });\n',
      'src/mastra/index.ts': 'import { Mastra } from "@mastra/core/mastra";\nimport { mastraAgents } from "./registry";\n\nexport const mastra = new Mastra({ agents: mastraAgents });\n',
    });
    expect(beside.find((a) => a.unit.path === 'src/mastra/index.ts')?.links?.map((l) => l.name).sort()).toEqual(['Intake', 'Refunds']);
  });

  it('an AgentKit network run by an Inngest function is the unit; its agents are items with their own tools', async () => {
    const agents = await link({
      'src/inngest/tools.ts': CHARGE_TOOLS.replace('@voltagent/core', '@inngest/agent-kit').replaceAll('execute:', 'handler:'),
      'src/inngest/functions.ts': `import { anthropic, createAgent, createNetwork } from "@inngest/agent-kit";
import { inngest } from "./client";
import { lookupChargeTool, refundChargeTool } from "./tools";

const investigator = createAgent({ name: "investigator", system: "Gather.", tools: [lookupChargeTool] });
const resolver = createAgent({ name: "resolver", system: "Decide.", tools: [refundChargeTool] });

export const resolveDispute = inngest.createFunction({ id: "resolve-dispute" }, { event: "disputes/opened" }, async ({ event }) => {
  const network = createNetwork({ name: "dispute-network", agents: [investigator, resolver], defaultModel: anthropic({ model: "claude-sonnet-4-5" }) });
  return network.run(event.data.summary);
});
`,
    });
    const unit = agents.find((a) => a.unit.kind === 'code-entry-point')!;
    expect(unit.entryPoints).toEqual(['src/inngest/functions.ts']);
    expect(unit.trigger.kind).toBe('event');
    const subAgents = agents.filter((a) => a.unit.kind === 'sub-agent').map((a) => [a.name, a.tools.map((t) => t.name), [...new Set(a.capabilities.map((c) => c.kind))], a.trigger.kind]);
    expect(subAgents).toEqual([
      ['investigator', ['lookup_charge'], ['data-read'], 'chained'],
      ['resolver', ['refund_charge'], ['payment'], 'chained'],
    ]);
    expect(unit.links?.map((l) => [l.relation, l.name])).toEqual([
      ['sub-agent', 'investigator'],
      ['sub-agent', 'resolver'],
    ]);
    expect(unit.capabilities).toEqual([]);
  });

  it('each agent a Mastra app registers (a folder of agents through a namespace import, an agent network) is an item with its own tools and model; an app of one agent stays that agent', async () => {
    const mastraTools = CHARGE_TOOLS.replace('import { createTool } from "@voltagent/core";', 'import { createTool } from "@mastra/core/tools";').replaceAll('name: "', 'id: "').replaceAll('parameters:', 'inputSchema:');
    const app = {
      'src/mastra/tools/index.ts': mastraTools,
      'src/mastra/agents/index.ts': 'export * from "./lookup-agent";\nexport * from "./refund-agent";\nexport * from "./desk-agent";\n',
      // Given every tool of the tools module through a namespace import (kestra-agent's main agent).
      'src/mastra/agents/desk-agent.ts': `import { Agent } from "@mastra/core/agent";\nimport { openai } from "@ai-sdk/openai";\nimport * as tools from "../tools";\n\nexport const deskAgent = new Agent({ name: "Desk Agent", instructions: "Handle it all.", model: openai("gpt-4o"), tools });\n`,
      'src/mastra/agents/lookup-agent.ts': `import { Agent } from "@mastra/core/agent";\nimport { openai } from "@ai-sdk/openai";\nimport { lookupChargeTool } from "../tools";\n\nexport const lookupAgent = new Agent({ name: "Lookup Agent", instructions: "Look charges up.", model: openai("gpt-4o-mini"), tools: { lookupChargeTool } });\n`,
      'src/mastra/agents/refund-agent.ts': `import { Agent } from "@mastra/core/agent";\nimport { anthropic } from "@ai-sdk/anthropic";\nimport { refundChargeTool } from "../tools";\n\nexport const refundAgent = new Agent({ name: "Refund Agent", instructions: "Refund.", model: anthropic("claude-sonnet-4-5"), tools: { refundChargeTool } });\n`,
      'src/mastra/networks/chargeback-network.ts': `import { NewAgentNetwork } from "@mastra/core/network/vNext";\nimport { openai } from "@ai-sdk/openai";\nimport { lookupAgent } from "../agents/lookup-agent";\nimport { refundAgent } from "../agents/refund-agent";\n\nexport const chargebackNetwork = new NewAgentNetwork({ id: "chargeback-network", name: "Chargeback Network", instructions: "Route.", model: openai("gpt-4o"), agents: { lookupAgent, refundAgent } });\n`,
      'src/mastra/index.ts': `import { Mastra } from "@mastra/core/mastra";\nimport * as agents from "./agents";\nimport { chargebackNetwork } from "./networks/chargeback-network";\n\nexport const mastra = new Mastra({ agents, vnext_networks: { "chargeback-network": chargebackNetwork } });\n`,
      // A script calling the network runs it; it is not where the app's network lives.
      'src/examples/run-network.ts': `import { chargebackNetwork } from "../mastra/networks/chargeback-network";\n\nconsole.log(await chargebackNetwork.loop("Refund ch_123"));\n`,
    };
    const agents = await link(app);
    const unit = agents.find((a) => a.unit.path === 'src/mastra/index.ts')!;
    expect(unit.unit.kind).toBe('code-entry-point');
    const subAgents = agents.filter((a) => a.unit.kind === 'sub-agent').map((a) => [a.name, a.unit.path, a.tools.map((t) => t.name), [...new Set(a.capabilities.map((c) => c.kind))], [...new Set(a.llm.map((use) => use.provider))]]);
    expect(subAgents.sort()).toEqual([
      ['Chargeback Network', 'src/mastra/networks/chargeback-network.ts', [], [], ['openai']],
      ['Desk Agent', 'src/mastra/agents/desk-agent.ts', ['lookup_charge', 'refund_charge'], ['data-read', 'payment'], ['openai']],
      ['Lookup Agent', 'src/mastra/agents/lookup-agent.ts', ['lookup_charge'], ['data-read'], ['openai']],
      ['Refund Agent', 'src/mastra/agents/refund-agent.ts', ['refund_charge'], ['payment'], ['anthropic']],
    ]);
    expect(unit.links?.map((l) => [l.relation, l.name]).sort()).toEqual([
      ['sub-agent', 'Chargeback Network'],
      ['sub-agent', 'Desk Agent'],
      ['sub-agent', 'Lookup Agent'],
      ['sub-agent', 'Refund Agent'],
    ]);
    const network = agents.find((a) => a.name === 'Chargeback Network')!;
    expect(network.links?.filter((l) => l.relation === 'sub-agent').map((l) => l.name).sort()).toEqual(['Lookup Agent', 'Refund Agent']);
    // The example script calls the app's network: the app runs it, the example is not shown as its owner.
    expect(network.links?.filter((l) => l.relation === 'parent').map((l) => l.name)).toEqual(['mastra']);
    expect(agents.find((a) => a.name === 'Lookup Agent')!.links?.filter((l) => l.relation === 'parent').map((l) => l.name).sort()).toEqual(['Chargeback Network', 'mastra']);

    const single = await link({ 'src/mastra/tools/index.ts': mastraTools, 'src/mastra/agents/lookup-agent.ts': app['src/mastra/agents/lookup-agent.ts'], 'src/mastra/index.ts': `import { Mastra } from "@mastra/core";\nimport { lookupAgent } from "./agents/lookup-agent";\n\nexport const mastra = new Mastra({ agents: { lookupAgent } });\n` });
    expect(single.map((a) => [a.unit.kind, a.unit.path, a.tools.map((t) => t.name)])).toEqual([['code-entry-point', 'src/mastra/index.ts', ['lookup_charge']]]);
  });
});
