"""Chargeback helper on LangGraph: reads balances and refunds, never closes accounts."""
import asyncio

from langchain_mcp_adapters.client import MultiServerMCPClient
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent

ALLOWED_TOOLS = {"read_balance", "refund_payment"}


async def main() -> None:
    client = MultiServerMCPClient({"ledger": {"command": "python", "args": ["servers/ledger_server.py"], "transport": "stdio"}})
    tools = [tool for tool in await client.get_tools() if tool.name in ALLOWED_TOOLS]
    agent = create_react_agent(ChatOpenAI(model="gpt-4.1"), tools)
    result = await agent.ainvoke({"messages": [{"role": "user", "content": "Handle chargeback cb_1009."}]})
    print(result["messages"][-1].content)


if __name__ == "__main__":
    asyncio.run(main())
