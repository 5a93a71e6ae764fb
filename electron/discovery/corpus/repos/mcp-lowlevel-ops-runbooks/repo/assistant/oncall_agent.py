"""The on-call assistant in #oncall: a LangGraph ReAct agent whose tools come from the runbook MCP server."""
import asyncio
import os

from langchain_anthropic import ChatAnthropic
from langchain_mcp_adapters.client import MultiServerMCPClient
from langgraph.prebuilt import create_react_agent

client = MultiServerMCPClient(
    {
        "ops": {
            "command": "python",
            "args": ["ops_server/server.py"],
            "transport": "stdio",
        }
    }
)


async def answer(question: str) -> str:
    tools = await client.get_tools()
    agent = create_react_agent(ChatAnthropic(model="claude-sonnet-4-5"), tools)
    result = await agent.ainvoke({"messages": [{"role": "user", "content": question}]})
    return result["messages"][-1].content


if __name__ == "__main__":
    print(asyncio.run(answer(os.environ.get("QUESTION", "Is the payments worker healthy?"))))
