import { describe, expect, it } from 'vitest';
import type { AgentDefinitionFinding } from '../findings';
import { analyzed } from './test-helpers';

/** kind, name, variable, members, tools: compact to compare. */
const summary = (definitions: AgentDefinitionFinding[] | undefined) =>
  (definitions ?? []).map((d) => [d.kind, d.name, d.variable, d.members.map((m) => `${m.relation}:${m.variable}`), d.tools]);

describe('CrewAI, smolagents and AutoGen agents a file creates', () => {
  it('reads a @CrewBase crew: each @agent named by its config key or role, known by its method, and the crew running every @agent of its class', async () => {
    const findings = await analyzed(
      'src/payout_review/crew.py',
      `from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task
from crewai_tools import SerperDevTool

from payout_review.tools import LedgerLookupTool, flag_payout


@CrewBase
class PayoutReviewCrew:
    agents_config = "config/agents.yaml"
    tasks_config = "config/tasks.yaml"

    @agent
    def investigator(self) -> Agent:
        return Agent(config=self.agents_config["investigator"], tools=[LedgerLookupTool(), SerperDevTool(n_results=5)], verbose=True)

    @agent
    def reviewer(self) -> Agent:
        return Agent(role="Payout reviewer", goal="Decide", backstory="...", tools=[flag_payout])

    @task
    def review_task(self) -> Task:
        return Task(config=self.tasks_config["review_task"], agent=self.reviewer())

    @crew
    def crew(self) -> Crew:
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.sequential)
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['crewai-agent', 'investigator', 'investigator', [], ['LedgerLookupTool', 'SerperDevTool']],
      ['crewai-agent', 'Payout reviewer', 'reviewer', [], ['flag_payout']],
      ['crew', null, 'PayoutReviewCrew', ['sub-agent:investigator', 'sub-agent:reviewer'], []],
    ]);
    // Building a tool instance for an agent runs none of the tool's code.
    expect(findings.toolUse?.runDirectly ?? []).not.toContain('LedgerLookupTool');
  });

  it('reads a crew listing agents built by another module\u2019s factory methods, by the method that built each', async () => {
    const findings = await analyzed(
      'main.py',
      `from crewai import Crew
from agents import ReviewAgents
from tasks import ReviewTasks

agents = ReviewAgents()
analyst = agents.ledger_analyst()
writer = agents.report_writer()
crew = Crew(agents=[analyst, writer], tasks=ReviewTasks().all(analyst, writer))
result = crew.kickoff()
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([['crew', null, 'crew', ['sub-agent:analyst', 'sub-agent:ledger_analyst', 'sub-agent:writer', 'sub-agent:report_writer'], []]]);
    expect(findings.entryPoint).toMatchObject({ ruleId: 'py.entry-point.module-call', line: 9 });
  });

  it('has no definition in a file that only names CrewAI types, and no entry point for a kickoff inside a function', async () => {
    const findings = await analyzed(
      'review/typing_helpers.py',
      `from crewai import Agent, Crew, Task

def describe(agent: Agent) -> str:
    return f"{agent.role}: {agent.goal}"

def start(crew: Crew):
    return crew.kickoff()
`,
    );
    expect(findings.agentDefinitions).toBeUndefined();
    expect(findings.entryPoint).toBeNull();
  });

  it('reads a smolagents manager and its named managed agents, listed or gathered at run time', async () => {
    const findings = await analyzed(
      'manager.py',
      `from smolagents import CodeAgent, ToolCallingAgent, LiteLLMModel, WebSearchTool

model = LiteLLMModel(model_id="gpt-4.1")
web_agent = ToolCallingAgent(tools=[WebSearchTool()], model=model, name="web_search", description="Searches the web")
fx_agent = CodeAgent(tools=[exchange_rate], model=model, name="fx_rates", description="Converts currencies")
manager = CodeAgent(tools=[], model=model, managed_agents=[web_agent, fx_agent])

registry = {}
registry["a"] = ToolCallingAgent(tools=[], model=model, name="auditor", description="Audits")
registry["b"] = ToolCallingAgent(tools=[], model=model, name="notifier", description="Notifies")
supervisor = ToolCallingAgent(tools=[], model=model, managed_agents=list(registry.values()))
`,
    );
    const definitions = summary(findings.agentDefinitions);
    expect(definitions.slice(0, 3)).toEqual([
      ['smolagents-agent', 'web_search', 'web_agent', [], ['WebSearchTool']],
      ['smolagents-agent', 'fx_rates', 'fx_agent', [], ['exchange_rate']],
      ['smolagents-agent', null, 'manager', ['sub-agent:web_agent', 'sub-agent:fx_agent'], []],
    ]);
    // Gathered at run time: every named agent of the file but itself.
    expect(definitions[5]![3]).toEqual(expect.arrayContaining(['sub-agent:web_agent', 'sub-agent:fx_agent', expect.stringMatching(/^sub-agent:@9:/), expect.stringMatching(/^sub-agent:@10:/)]));
  });

  it('reads a managed agent handed over in the ManagedAgent wrapper of smolagents before 1.8', async () => {
    const findings = await analyzed(
      'legacy_manager.py',
      `from smolagents import CodeAgent, HfApiModel, ManagedAgent, ToolCallingAgent, DuckDuckGoSearchTool

model = HfApiModel()
web_agent = ToolCallingAgent(tools=[DuckDuckGoSearchTool()], model=model)
managed_web_agent = ManagedAgent(agent=web_agent, name="search", description="Runs web searches")
manager = CodeAgent(tools=[], model=model, managed_agents=[managed_web_agent])
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['smolagents-agent', null, 'web_agent', [], ['DuckDuckGoSearchTool']],
      ['smolagents-agent', null, 'manager', ['sub-agent:web_agent'], []],
    ]);
  });

  it('makes a script that runs the agent it defines at module level an entry point, and not one that runs something else there', async () => {
    const script = await analyzed(
      'fx_manager.py',
      `from smolagents import CodeAgent, LiteLLMModel

model = LiteLLMModel(model_id="gpt-4.1")
fx_agent = CodeAgent(tools=[], model=model, name="fx", description="Rates")
manager = CodeAgent(tools=[], model=model, managed_agents=[fx_agent])
print(manager.run("Convert 100 USD to EUR."))
`,
    );
    expect(script.entryPoint).toMatchObject({ ruleId: 'py.entry-point.module-call', line: 6 });
    const library = await analyzed(
      'fx_agents.py',
      `import subprocess
from smolagents import CodeAgent, LiteLLMModel

fx_agent = CodeAgent(tools=[], model=LiteLLMModel(model_id="gpt-4.1"), name="fx", description="Rates")
subprocess.run(["git", "pull"])

def convert(question):
    return fx_agent.run(question)
`,
    );
    expect(library.entryPoint).toBeNull();
  });

  it('reads AutoGen AgentChat agents named by their first argument, a team of them, and Swarm handoffs by name', async () => {
    const findings = await analyzed(
      'team.py',
      `import asyncio
from autogen_agentchat.agents import AssistantAgent, UserProxyAgent
from autogen_agentchat.teams import RoundRobinGroupChat, Swarm
from autogen_ext.models.openai import OpenAIChatCompletionClient

client = OpenAIChatCompletionClient(model="gpt-4o")
writer = AssistantAgent("writer", model_client=client, tools=[search_ledger])
critic = AssistantAgent(name="critic", model_client=client)
human = UserProxyAgent("human")
team = RoundRobinGroupChat([writer, critic, human], max_turns=4)

triage = AssistantAgent("triage", model_client=client, handoffs=["refunds", "user"])
refunds = AssistantAgent("refunds", model_client=client, handoffs=["triage"])
desk = Swarm(participants=[triage, refunds])
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['autogen-agent', 'writer', 'writer', [], ['search_ledger']],
      ['autogen-agent', 'critic', 'critic', [], []],
      ['autogen-team', null, 'team', ['sub-agent:writer', 'sub-agent:critic', 'sub-agent:human'], []],
      ['autogen-agent', 'triage', 'triage', ['handoff-to:name:refunds', 'handoff-to:name:user'], []],
      ['autogen-agent', 'refunds', 'refunds', ['handoff-to:name:triage'], []],
      ['autogen-team', null, 'desk', ['sub-agent:triage', 'sub-agent:refunds'], []],
    ]);
    expect(findings.llm.map((use) => use.provider)).toContain('openai');
  });

  it('reads AutoGen Core agents registered with a model client, named by their type, and skips one registered without a model', async () => {
    const findings = await analyzed(
      'app.py',
      `from autogen_core import SingleThreadedAgentRuntime
from autogen_ext.models.openai import AzureOpenAIChatCompletionClient
from agent_base import AIAgent
from agent_user import UserAgent
from tools import refund_tool

runtime = SingleThreadedAgentRuntime()

async def start(config):
    model_client = AzureOpenAIChatCompletionClient.load_component(config)
    refunds_type = await AIAgent.register(runtime, type="RefundsAgent", factory=lambda: AIAgent(description="Refunds", model_client=model_client, tools=[refund_tool]))
    await UserAgent.register(runtime, type="User", factory=lambda: UserAgent(description="The person"))
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([['autogen-agent', 'RefundsAgent', 'refunds_type', [], ['refund_tool']]]);
    expect(findings.llm.map((use) => use.provider)).toEqual(['azure-openai']);
  });
});
