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
