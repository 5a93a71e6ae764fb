"""Nightly: look at yesterday's held accounts through the ledger MCP server and draft escalations.

Uses the OpenAI Agents SDK (the Python package `agents`), not Cloudflare's.
"""
import asyncio
import os

from agents import Agent, Runner
from agents.mcp import MCPServerStreamableHttp

LEDGER_MCP_URL = os.getenv("LEDGER_MCP_URL", "https://ledger-mcp.northwind.workers.dev/mcp")


async def main() -> None:
    async with MCPServerStreamableHttp(
        name="ledger",
        params={"url": LEDGER_MCP_URL, "headers": {"Authorization": f"Bearer {os.environ['LEDGER_MCP_TOKEN']}"}},
    ) as ledger:
        agent = Agent(
            name="Escalations",
            instructions="List accounts held yesterday and draft an escalation note for each, with its recent transactions.",
            model="gpt-4.1-mini",
            mcp_servers=[ledger],
        )
        result = await Runner.run(agent, "Draft today's escalations.")
        print(result.final_output)


if __name__ == "__main__":
    asyncio.run(main())
