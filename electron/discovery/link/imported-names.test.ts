import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { analyzeCode } from '../code/analyze-code';
import { loadCodeParsers } from '../code/parser';
import { RULES } from '../code/test-helpers';
import { TEST_FINGERPRINT_KEY } from '../test-fingerprint-key';
import { linkUnits } from './link-units';

async function link(files: Record<string, string>): Promise<DiscoveredAgent[]> {
  await loadCodeParsers();
  const findings = Object.entries(files).flatMap(([path, text]) => analyzeCode(path, text, RULES, TEST_FINGERPRINT_KEY, undefined, { skipPrefilter: true }) ?? []);
  return linkUnits('t', findings);
}

const subAgentNames = (agents: DiscoveredAgent[]) => agents.filter((agent) => agent.unit.kind === 'sub-agent').map((agent) => agent.unit.name).sort();

const APP = (imports: string, triageType: string, refundType: string) => `import asyncio
from autogen_core import SingleThreadedAgentRuntime
from autogen_ext.models.openai import OpenAIChatCompletionClient
${imports}
from desk_agent import DeskAgent


async def main():
    runtime = SingleThreadedAgentRuntime()
    client = OpenAIChatCompletionClient(model="gpt-4o-mini")
    await DeskAgent.register(runtime, type=${triageType}, factory=lambda: DeskAgent(model_client=client, tools=[]))
    await DeskAgent.register(runtime, type=${refundType}, factory=lambda: DeskAgent(model_client=client, tools=[]))
    runtime.start()


if __name__ == "__main__":
    asyncio.run(main())
`;

describe('agents named by a constant of another module', () => {
  it('names AutoGen Core agents by the value of a type constant imported by name, through its module, or relatively', async () => {
    const agents = await link({
      'desk/app.py': APP('import constants\nfrom constants import TRIAGE_TYPE', 'TRIAGE_TYPE', 'constants.REFUND_TYPE'),
      'constants.py': '# Types the runtime routes on.\nTRIAGE_TYPE = "triage_agent"\nREFUND_TYPE: str = "refund_agent"\n',
      'worker/run.py': APP('from .types import SUMMARY_TYPE, NOTICE_TYPE', 'SUMMARY_TYPE', 'NOTICE_TYPE'),
      'worker/types.py': 'SUMMARY_TYPE = "case_summary_agent"\nNOTICE_TYPE = "merchant_notice_agent"\n',
    });
    expect(subAgentNames(agents)).toEqual(['case_summary_agent', 'merchant_notice_agent', 'refund_agent', 'triage_agent']);
  });

  it('reads only constants the syntax tree binds at module level: commented out, indented or computed ones, and modules the scan lacks, do not name the agent', async () => {
    const agents = await link({
      'app.py': APP('from constants import TRIAGE_TYPE\nfrom shared_types import REFUND_TYPE', 'TRIAGE_TYPE', 'REFUND_TYPE'),
      'constants.py': `# TRIAGE_TYPE = "triage_agent"
import os

def load():
    TRIAGE_TYPE = "not_this_one"
    return TRIAGE_TYPE

TRIAGE_TYPE = os.environ.get("TRIAGE_TYPE", "triage")
`,
    });
    // Unbound registrations with no readable name fall back to where they are made.
    expect(subAgentNames(agents)).toEqual(['app.py:12', 'app.py:13']);
  });
});
