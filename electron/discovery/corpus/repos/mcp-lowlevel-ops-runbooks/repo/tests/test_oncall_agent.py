import asyncio

from langchain_anthropic import ChatAnthropic
from langchain_mcp_adapters.client import MultiServerMCPClient
from langgraph.prebuilt import create_react_agent


def test_agent_uses_echo():
    client = MultiServerMCPClient({"echo": {"command": "python", "args": ["tests/fixtures/echo_server.py"], "transport": "stdio"}})
    tools = asyncio.run(client.get_tools())
    agent = create_react_agent(ChatAnthropic(model="claude-haiku-4-5"), tools)
    result = asyncio.run(agent.ainvoke({"messages": [{"role": "user", "content": "echo hi"}]}))
    assert "hi" in result["messages"][-1].content
