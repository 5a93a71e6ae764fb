"""Drafts the monthly merchant-risk note: a writer and a critic take turns until the critic approves."""
import asyncio
import os

import httpx
from autogen_agentchat.agents import AssistantAgent, UserProxyAgent
from autogen_agentchat.conditions import TextMentionTermination
from autogen_agentchat.teams import RoundRobinGroupChat
from autogen_agentchat.ui import Console
from autogen_ext.models.openai import OpenAIChatCompletionClient



def merchant_profile(merchant_id: str) -> str:
    """Public profile of a merchant: name, category, website."""
    response = httpx.get(f"{os.environ['MERCHANTS_API_URL']}/merchants/{merchant_id}", timeout=10)
    return response.text


model_client = OpenAIChatCompletionClient(model="gpt-4o")

writer = AssistantAgent(
    "risk_writer",
    model_client=model_client,
    tools=[merchant_profile],
    system_message="Write the monthly merchant-risk note. Look merchants up before naming them.",
)
critic = AssistantAgent(
    "risk_critic",
    model_client=model_client,
    system_message="Review the note for unsupported claims. Reply APPROVE when it is ready.",
)
approver = UserProxyAgent("risk_lead", input_func=input)

team = RoundRobinGroupChat([writer, critic, approver], termination_condition=TextMentionTermination("APPROVE"))

asyncio.run(Console(team.run_stream(task="Draft this month's merchant-risk note.")))
