import pytest
from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.teams import RoundRobinGroupChat
from autogen_ext.models.replay import ReplayChatCompletionClient


@pytest.mark.asyncio
async def test_critic_approval_ends_the_chat():
    client = ReplayChatCompletionClient(["draft", "APPROVE"])
    team = RoundRobinGroupChat([AssistantAgent("w", model_client=client), AssistantAgent("c", model_client=client)], max_turns=2)
    result = await team.run(task="x")
    assert result.messages[-1].content == "APPROVE"
