import { describe, expect, it } from 'vitest';
import type { AgentDefinitionFinding } from '../findings';
import { analyzed } from './test-helpers';

/** kind, name, variable, members, tools: compact to compare. */
const summary = (definitions: AgentDefinitionFinding[] | undefined) =>
  (definitions ?? []).map((d) => [d.kind, d.name, d.variable, d.members.map((m) => `${m.relation}:${m.variable}`), d.tools]);

describe('classic AutoGen / AG2 agents a file creates', () => {
  it('reads a group chat: the agents with a model, the tools registered for them, and no agent for the executor', async () => {
    const findings = await analyzed(
      'review/team.py',
      `import autogen
from autogen import register_function

config_list = autogen.config_list_from_json("OAI_CONFIG_LIST")
llm_config = {"config_list": config_list, "cache_seed": None}

executor = autogen.UserProxyAgent("executor", human_input_mode="NEVER", code_execution_config={"work_dir": "work", "use_docker": False})
quiet = autogen.ConversableAgent("quiet", llm_config=False)
planner = autogen.AssistantAgent(name="planner", llm_config=llm_config)
analyst = autogen.AssistantAgent("analyst", llm_config=llm_config)
reporter = autogen.AssistantAgent("reporter", llm_config=llm_config)


@executor.register_for_execution()
@analyst.register_for_llm(name="open_chargebacks", description="Open chargebacks")
def fetch_open(days: int) -> str:
    return str(days)


def post(text: str) -> str:
    return text


register_function(post, caller=reporter, executor=executor, description="Post the summary")

group = autogen.GroupChat(agents=[executor, quiet, planner, analyst, reporter], messages=[], max_round=12)
manager = autogen.GroupChatManager(groupchat=group, llm_config=llm_config)
executor.initiate_chat(manager, message="Review the week")
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['autogen-agent', 'planner', 'planner', [], []],
      ['autogen-agent', 'analyst', 'analyst', [], ['open_chargebacks', 'fetch_open']],
      ['autogen-agent', 'reporter', 'reporter', [], ['post']],
      ['autogen-team', null, 'group', ['sub-agent:executor', 'sub-agent:quiet', 'sub-agent:planner', 'sub-agent:analyst', 'sub-agent:reporter'], []],
    ]);
    // The executor runs the tool for the analyst's model: only the analyst's binding gives it to a model.
    // The tool is known by its function and by the name its model calls it by.
    expect(findings.toolUse?.bindings.map((binding) => [binding.holder, binding.tools])).toEqual([
      ['analyst', ['fetch_open']],
      ['reporter', ['post']],
    ]);
    expect(findings.capabilities.map((capability) => capability.kind)).toContain('code-execution');
  });

  it('reads a swarm: agents built in a `with llm_config:` block have a model, their functions are tools, register_hand_off names who they hand off to', async () => {
    const findings = await analyzed(
      'desk/swarm.py',
      `from autogen import AfterWork, AfterWorkOption, ConversableAgent, LLMConfig, OnCondition, UserProxyAgent, initiate_swarm_chat, register_hand_off

llm_config = LLMConfig(api_type="anthropic", model="claude-sonnet-4-5")


def lookup_payment(payment_id: str) -> str:
    return payment_id


def issue_refund(charge_id: str) -> str:
    return charge_id


with llm_config:
    triage = ConversableAgent(name="triage_agent", functions=[lookup_payment])
    refunds = ConversableAgent(name="refund_agent", functions=[issue_refund])

outside = ConversableAgent(name="greeter")
merchant = UserProxyAgent(name="merchant", code_execution_config=False)

register_hand_off(triage, [OnCondition(target=refunds, condition="A refund"), AfterWork(AfterWorkOption.REVERT_TO_USER)])
refunds.register_hand_off([AfterWork(triage)])

result, context, last = initiate_swarm_chat(initial_agent=triage, agents=[triage, refunds, outside], user_agent=merchant, messages="Hi")
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['autogen-agent', 'triage_agent', 'triage', ['handoff-to:refunds'], ['lookup_payment']],
      ['autogen-agent', 'refund_agent', 'refunds', ['handoff-to:triage'], ['issue_refund']],
      ['autogen-team', null, null, ['sub-agent:triage', 'sub-agent:refunds', 'sub-agent:outside'], []],
    ]);
    expect(findings.llm.map((use) => [use.provider, use.models])).toContainEqual(['anthropic', ['claude-sonnet-4-5']]);
  });

  it('reads the newer group API: a pattern lists the agents, `handoffs.add_llm_conditions` and `set_after_work` name targets through AgentTarget', async () => {
    const findings = await analyzed(
      'support/group.py',
      `from autogen import ConversableAgent, LLMConfig
from autogen.agentchat import initiate_group_chat
from autogen.agentchat.group import AgentTarget, OnCondition, RevertToUserTarget, StringLLMCondition
from autogen.agentchat.group.patterns import AutoPattern


def run(question: str):
    llm_config = LLMConfig(api_type="openai", model="gpt-4.1-mini")
    with llm_config:
        triage = ConversableAgent(name="triage_agent", system_message="Route the question.")
        tech = ConversableAgent(name="tech_agent", system_message="Solve technical problems.")
    user = ConversableAgent(name="user", human_input_mode="ALWAYS")
    triage.handoffs.add_llm_conditions([OnCondition(target=AgentTarget(tech), condition=StringLLMCondition(prompt="Technical"))])
    tech.handoffs.set_after_work(AgentTarget(triage))
    user.handoffs.set_after_work(RevertToUserTarget())
    pattern = AutoPattern(initial_agent=triage, agents=[triage, tech], user_agent=user, group_manager_args={"llm_config": llm_config})
    return initiate_group_chat(pattern=pattern, messages=question, max_rounds=10)
`,
    );
    expect(summary(findings.agentDefinitions)).toEqual([
      ['autogen-agent', 'triage_agent', 'triage', ['handoff-to:tech'], []],
      ['autogen-agent', 'tech_agent', 'tech', ['handoff-to:triage'], []],
      ['autogen-team', null, 'pattern', ['sub-agent:triage', 'sub-agent:tech'], []],
    ]);
  });

  it('reads the provider of an agent from the model names of its file, Azure when the config says api_type "azure"', async () => {
    const config = (apiType: string) => `import os
from autogen import AssistantAgent, UserProxyAgent

llm_config = {"config_list": [{"model": "gpt-4o", "api_type": "${apiType}", "api_key": os.environ["KEY"]}], "temperature": 0}
analyst = AssistantAgent("analyst", llm_config=llm_config)
runner = UserProxyAgent("runner", code_execution_config=False)
`;
    expect((await analyzed('azure.py', config('azure'))).llm.map((use) => use.provider)).toEqual(['azure-openai']);
    expect((await analyzed('openai.py', config('openai'))).llm.map((use) => use.provider)).toEqual(['openai']);
  });

  it('reads nothing from a config_list loader with no agents, nor from AutoGen in comments', async () => {
    const findings = await analyzed(
      'settings.py',
      `import autogen

# assistant = autogen.AssistantAgent("assistant", llm_config={"config_list": load()})


def load(model: str = "gpt-4o") -> list[dict]:
    return autogen.config_list_from_json("OAI_CONFIG_LIST", filter_dict={"model": [model]})
`,
    );
    expect(findings.agentDefinitions).toBeUndefined();
    expect(findings.llm).toEqual([]);
  });

  it('a tool registered from a function of another module is known by that function, as its module defines it', async () => {
    const findings = await analyzed(
      'desk/main.py',
      `import os
from autogen import AssistantAgent, UserProxyAgent, register_function
from desk.tools import refund_order
from desk import reports

llm_config = {"config_list": [{"model": "gpt-4o", "api_key": os.environ["OPENAI_API_KEY"]}]}
assistant = AssistantAgent("refund_desk", llm_config=llm_config)
operator = UserProxyAgent("operator", human_input_mode="NEVER", code_execution_config=False)
register_function(refund_order, caller=assistant, executor=operator, description="Refund an order")
register_function(reports.run_report, caller=assistant, executor=operator, description="Run a report")
`,
    );
    expect(findings.tools.map((tool) => tool.name)).toEqual(['refund_order', 'run_report']);
    const llamaindex = await analyzed(
      'agent/app.py',
      `from llama_index.core.agent import ReActAgent
from llama_index.core.tools import FunctionTool
from llama_index.llms.openai import OpenAI
from agent.ledger import post_adjustment

agent = ReActAgent.from_tools([FunctionTool.from_defaults(fn=post_adjustment)], llm=OpenAI(model="gpt-4o"))
`,
    );
    expect(llamaindex.tools.map((tool) => tool.name)).toEqual(['post_adjustment']);
    // A Temporal activity an OpenAI Agents SDK agent gets through activity_as_tool is the tool, not the wrapper.
    const temporal = await analyzed(
      'research/plan_agent.py',
      `from datetime import timedelta
from agents import Agent
from temporalio.contrib.openai_agents import workflow as agent_workflow
from research.slack_activities import search_slack, get_thread_messages

def init_plan_agent():
    return Agent(
        name="Planning Agent",
        tools=[
            agent_workflow.activity_as_tool(search_slack, start_to_close_timeout=timedelta(seconds=10)),
            agent_workflow.activity_as_tool(get_thread_messages, start_to_close_timeout=timedelta(seconds=10)),
        ],
    )
`,
    );
    expect(temporal.tools.map((tool) => tool.name)).toEqual(['search_slack', 'get_thread_messages']);
  });
});

