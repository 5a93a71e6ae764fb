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

/** Plain functions with no tool marker: what they do is only known in their own module. */
const PAYMENTS = `import os

import psycopg
import stripe


def refund_charge(charge_id: str) -> str:
    """Refund a card charge in full."""
    return stripe.Refund.create(charge=charge_id).id


def lookup_invoice(invoice_id: str) -> dict:
    """Read one invoice."""
    with psycopg.connect(os.environ["BILLING_DATABASE_URL"]) as conn:
        return conn.execute("SELECT id, amount, status FROM invoices WHERE id = %s", (invoice_id,)).fetchone()
`;

/** An AG2 assistant registering functions of billing/payments.py for its user proxy to run. */
function ag2Desk(functions: string[]): string {
  const registered = functions.map((fn) => `register_function(${fn}, caller=assistant, executor=user, description="${fn}")`).join('\n');
  return `import os
from autogen import AssistantAgent, UserProxyAgent, register_function
from billing.payments import ${functions.join(', ')}

llm_config = {"config_list": [{"model": "gpt-4o", "api_key": os.environ["OPENAI_API_KEY"]}]}
assistant = AssistantAgent("billing", llm_config=llm_config)
user = UserProxyAgent("user", human_input_mode="NEVER", code_execution_config=False)
${registered}

if __name__ == "__main__":
    user.initiate_chat(assistant, message="Refund ch_1")
`;
}

const held = (item: DiscoveredAgent) => ({
  tools: item.tools.map((tool) => `${tool.name}: ${tool.capabilities.join(', ')}`).sort(),
  capabilities: item.capabilities.map((capability) => `${capability.kind} ${capability.tool} ${capability.evidence.path}:${capability.evidence.line}`).sort(),
});

describe('a function of another module handed to a model as a tool', () => {
  it("AG2 register_function: the tool holds what the function's own module shows it doing", async () => {
    const [item] = await link({
      'billing/__init__.py': '',
      'billing/payments.py': PAYMENTS,
      'billing/main.py': ag2Desk(['refund_charge', 'lookup_invoice']),
    });
    expect(held(item!)).toEqual({
      tools: ['lookup_invoice: data-read', 'refund_charge: payment'],
      capabilities: ['data-read lookup_invoice billing/payments.py:15', 'payment refund_charge billing/payments.py:9'],
    });
  });

  it('OpenAI Agents function_tool(imported) is known by the function it wraps, and an agent given one of two LlamaIndex tools holds only that one', async () => {
    const [agents] = await link({
      'billing/__init__.py': '',
      'billing/payments.py': PAYMENTS,
      'billing/main.py': `import asyncio
from agents import Agent, Runner, function_tool
from billing.payments import lookup_invoice, refund_charge

desk = Agent(name="billing", instructions="Help.", model="gpt-4o", tools=[function_tool(refund_charge), function_tool(lookup_invoice)])

if __name__ == "__main__":
    asyncio.run(Runner.run(desk, "Refund ch_1"))
`,
    });
    expect(held(agents!).tools).toEqual(['lookup_invoice: data-read', 'refund_charge: payment']);
    const [llama] = await link({
      'billing/__init__.py': '',
      'billing/payments.py': PAYMENTS,
      'billing/main.py': `import asyncio
from llama_index.core.agent.workflow import FunctionAgent
from llama_index.core.tools import FunctionTool
from llama_index.llms.openai import OpenAI
from billing.payments import lookup_invoice, refund_charge

lookup_tool = FunctionTool.from_defaults(fn=lookup_invoice)
refund_tool = FunctionTool.from_defaults(fn=refund_charge)
agent = FunctionAgent(name="billing", tools=[lookup_tool], llm=OpenAI(model="gpt-4o"))

if __name__ == "__main__":
    asyncio.run(agent.run("What does invoice 7 say?"))
`,
    });
    // The refund tool is made but given to no agent: the refund is not this agent's to make.
    expect(held(llama!)).toEqual({ tools: ['lookup_tool: data-read'], capabilities: ['data-read lookup_tool billing/payments.py:15'] });
  });

  it('a function another unit runs by hand (beside tools of its own) stays nobody\'s tool: neither unit loses what it does', async () => {
    const agents = await link({
      'billing/__init__.py': '',
      'billing/payments.py': PAYMENTS,
      'billing/desk.py': ag2Desk(['lookup_invoice']),
      'billing/nightly.py': `import asyncio
from agents import Agent, Runner, function_tool
from billing.payments import lookup_invoice


@function_tool
def today() -> str:
    return "2025-06-01"


summariser = Agent(name="summariser", instructions="Summarise.", model="gpt-4.1-mini", tools=[today])

if __name__ == "__main__":
    invoice = lookup_invoice("inv_7")
    print(asyncio.run(Runner.run(summariser, f"Summarise {invoice}")).final_output)
`,
    });
    const reads = (path: string) => held(agents.find((item) => item.unit.path === path)!).capabilities.filter((capability) => capability.startsWith('data-read'));
    expect(reads('billing/nightly.py')).toEqual(['data-read null billing/payments.py:15']);
    expect(reads('billing/desk.py')).toEqual(['data-read null billing/payments.py:15']);
  });
});
