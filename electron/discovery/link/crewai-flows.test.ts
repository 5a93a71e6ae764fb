import { describe, expect, it } from 'vitest';
import type { DiscoveredAgent } from '../../../shared/discovery';
import { capabilityKinds, itemNamed, scanTreeFixture } from '../scan/test-scan-tree';

/**
 * CrewAI Flows and hierarchical crews: the real scanner over small trees in the crewAI-examples
 * `flows/` layout.
 */

const tree = scanTreeFixture('atw-flows-');
async function scan(): Promise<DiscoveredAgent[]> {
  return (await tree.scan()).agents;
}
const items = (agents: DiscoveredAgent[]) => agents.map((a) => `${a.classification} ${a.unit.kind} ${a.unit.name} [${a.entryPoints.join(' ')}]`).sort();

const FLOW_WITH_MODEL = `from crewai import LLM
from crewai.flow.flow import Flow, listen, router, start


class TriageFlow(Flow):
    @start()
    def load(self):
        self.state["note"] = "I never made this payment"

    @router(load)
    def classify(self):
        answer = LLM(model="gpt-4o-mini").call(self.state["note"])
        return "fraud" if "fraud" in answer else "service"

    @listen("fraud")
    def escalate(self):
        print("escalated")


def kickoff():
    TriageFlow().kickoff()
`;

const FLOW_WITHOUT_MODEL = `import shutil

from crewai.flow.flow import Flow, listen, start


class ArchiveFlow(Flow):
    @start()
    def collect(self):
        self.state["files"] = ["a.csv", "b.csv"]

    @listen(collect)
    def archive(self):
        for name in self.state["files"]:
            shutil.move(name, "/archive/" + name)


def kickoff():
    ArchiveFlow().kickoff()
`;

const FLOW_PROJECT = (type: string | null, scripts: string) => `[project]
name = "triage"
version = "0.1.0"
dependencies = ["crewai==0.141.0"]

[project.scripts]
${scripts}
${type === null ? '' : `\n[tool.crewai]\ntype = "${type}"\n`}`;

const WORKFLOW = (command: string) => `name: Triage
on:
  schedule:
    - cron: "0 * * * *"
jobs:
  run:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: ${command}
        env:
          OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}
`;

describe('the CrewAI CLI runs the project\'s console scripts', () => {
  it('`crewai flow kickoff` and `crewai run` in a flow project run the kickoff script; `crewai run` in a crew project runs run_crew', async () => {
    tree.writeAll({
      'flow/pyproject.toml': FLOW_PROJECT('flow', 'kickoff = "triage.main:kickoff"\nrun_crew = "triage.main:kickoff"\nplot = "triage.main:plot"'),
      'flow/src/triage/__init__.py': '',
      'flow/src/triage/main.py': FLOW_WITH_MODEL,
      'flow/.github/workflows/triage.yml': WORKFLOW('crewai flow kickoff'),
      'flow/deploy/Dockerfile': 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install uv crewai && uv sync\nCMD ["crewai", "run"]\n',
      'crew/pyproject.toml': FLOW_PROJECT(null, 'crew = "briefing.main:run"\nrun_crew = "briefing.main:run"'),
      'crew/src/briefing/__init__.py': '',
      'crew/src/briefing/main.py': `from crewai import Agent, Crew, Task\n\n\ndef run():\n    writer = Agent(role="Briefing writer", goal="Write", backstory="...", llm="gpt-4o")\n    Crew(agents=[writer], tasks=[Task(description="Brief", expected_output="A brief", agent=writer)]).kickoff()\n`,
      'crew/.github/workflows/brief.yml': WORKFLOW('uv run crewai run'),
    });
    const found = items(await scan()).filter((line) => !line.includes('sub-agent'));
    expect(found).toEqual(['agent ci-job Triage/run [crew/src/briefing/main.py]', 'agent ci-job Triage/run [flow/src/triage/main.py]', 'agent container-service deploy [flow/src/triage/main.py]']);
  });

  it('decoys: a project that declares no such script, and other CrewAI commands, run nothing', async () => {
    tree.writeAll({
      'pyproject.toml': FLOW_PROJECT('flow', 'plot = "triage.main:plot"'),
      'src/triage/__init__.py': '',
      'src/triage/main.py': FLOW_WITH_MODEL.replace('def kickoff():', 'def plot():'),
      '.github/workflows/triage.yml': WORKFLOW('crewai run && crewai create flow other && crewai flow plot'),
    });
    // The job still sets a model key, so it stays a candidate of its own, but it runs none of the project's code.
    const found = await scan();
    expect(found.filter((agent) => agent.unit.kind === 'ci-job').map((agent) => `${agent.unit.name} [${agent.entryPoints.join(' ')}]`)).toEqual(['Triage/run []']);
  });
});

describe('CrewAI Flows', () => {
  it('a Flow whose steps call no model and kick off no crew is no candidate; one whose router asks a model is the agent of what runs it', async () => {
    tree.writeAll({
      'pyproject.toml': FLOW_PROJECT('flow', 'kickoff = "triage.main:kickoff"\narchive = "triage.archive:kickoff"\nsweep = "triage.sweep:kickoff"'),
      'src/triage/__init__.py': '',
      'src/triage/main.py': FLOW_WITH_MODEL,
      'src/triage/archive.py': FLOW_WITHOUT_MODEL,
      // The same, importing Flow from the package's top module.
      'src/triage/sweep.py': FLOW_WITHOUT_MODEL.replace('from crewai.flow.flow import Flow, listen, start', 'from crewai import Flow\nfrom crewai.flow import listen, start'),
      '.github/workflows/sweep.yml': WORKFLOW('uv run sweep').replace('name: Triage', 'name: Sweep').replace(/ {8}env:\n.*\n/, ''),
      '.github/workflows/triage.yml': WORKFLOW('uv run kickoff'),
      '.github/workflows/archive.yml': WORKFLOW('uv run archive').replace('name: Triage', 'name: Archive').replace(/ {8}env:\n.*\n/, ''),
    });
    const agents = await scan();
    expect(items(agents)).toEqual(['agent ci-job Triage/run [src/triage/main.py]']);
    expect(itemNamed(agents, 'Triage/run').llm.map((use) => use.models)).toContainEqual(['gpt-4o-mini']);
  });

  it('the agents of crews a flow kicks off are its sub-agents, a hierarchical crew\'s manager_agent among them', async () => {
    tree.writeAll({
      'pyproject.toml': FLOW_PROJECT('flow', 'kickoff = "desk.main:kickoff"'),
      'src/desk/__init__.py': '',
      'src/desk/main.py': `from crewai.flow.flow import Flow, start

from desk.reply_crew import ReplyCrew


class DeskFlow(Flow):
    @start()
    def reply(self):
        ReplyCrew().crew().kickoff(inputs={"case": "late refund"})


def kickoff():
    DeskFlow().kickoff()
`,
      'src/desk/reply_crew.py': `import smtplib

from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task
from crewai.tools import tool


@tool("email_merchant")
def email_merchant(to: str, body: str) -> str:
    """Email the merchant."""
    with smtplib.SMTP("smtp.northwind-pay.example") as smtp:
        smtp.sendmail("desk@northwind-pay.example", [to], body)
    return "sent"


@CrewBase
class ReplyCrew:
    @agent
    def writer(self) -> Agent:
        return Agent(role="Reply writer", goal="Write", backstory="...", tools=[email_merchant], llm="gpt-4o-mini")

    # Not an @agent: the manager is not one of the crew's workers.
    def lead(self) -> Agent:
        return Agent(role="Desk lead", goal="Check replies", backstory="...", allow_delegation=True, llm="gpt-4o")

    @task
    def reply(self) -> Task:
        return Task(description="Reply to {case}", expected_output="The email")

    @crew
    def crew(self) -> Crew:
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.hierarchical, manager_agent=self.lead())
`,
      '.github/workflows/desk.yml': WORKFLOW('crewai flow kickoff'),
    });
    const agents = await scan();
    const job = itemNamed(agents, 'Triage/run');
    expect((job.links ?? []).map((link) => `${link.relation} ${link.name}`).sort()).toEqual(['sub-agent Desk lead', 'sub-agent Reply writer']);
    expect(capabilityKinds(itemNamed(agents, 'Reply writer'))).toEqual(['external-communication']);
    expect(capabilityKinds(itemNamed(agents, 'Desk lead'))).toEqual([]);
    expect(capabilityKinds(job)).toEqual([]);
  });
});
