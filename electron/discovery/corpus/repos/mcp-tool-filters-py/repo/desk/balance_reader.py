"""Answers balance questions from the finance channel. It may only read balances."""
import asyncio

from agents import Agent, Runner
from agents.mcp import MCPServerStdio, create_static_tool_filter


async def main() -> None:
    async with MCPServerStdio(
        name="ledger",
        params={"command": "python", "args": ["servers/ledger_server.py"]},
        cache_tools_list=True,
        tool_filter=create_static_tool_filter(allowed_tool_names=["read_balance"]),
    ) as ledger:
        agent = Agent(name="Balance reader", instructions="Answer balance questions briefly.", mcp_servers=[ledger])
        result = await Runner.run(agent, "Balances of the three treasury accounts?")
        print(result.final_output)


if __name__ == "__main__":
    asyncio.run(main())
