"""Ad-hoc FX watcher: asks a partner bank's MCP server and an old local server that no longer runs."""
import asyncio

from langchain_mcp_adapters.client import MultiServerMCPClient
from langgraph.prebuilt import create_react_agent

client = MultiServerMCPClient(
    {
        "partner-fx": {"url": "https://mcp.partner-bank.example/mcp", "transport": "streamable_http"},
        "rates-cache": {"url": "http://localhost:8200/mcp", "transport": "streamable_http"},
    }
)


async def main() -> None:
    tools = await client.get_tools()
    agent = create_react_agent("anthropic:claude-sonnet-4-5", tools)
    result = await agent.ainvoke({"messages": [{"role": "user", "content": "Which EUR/USD moves crossed 1% today?"}]})
    print(result["messages"][-1].content)


if __name__ == "__main__":
    asyncio.run(main())
