"""Refunds approved tickets. It reaches the ledger server over HTTP and may not close accounts."""
import asyncio
import os

from agents import Agent, Runner
from agents.mcp import MCPServerStreamableHttp

LEDGER_URL = os.getenv("LEDGER_MCP_URL", "http://localhost:8101/mcp")


async def main() -> None:
    async with MCPServerStreamableHttp(
        name="ledger",
        params={"url": LEDGER_URL},
        tool_filter={"blocked_tool_names": ["close_account"]},
    ) as ledger:
        agent = Agent(name="Refunder", instructions="Refund the approved charges, then report.", mcp_servers=[ledger])
        result = await Runner.run(agent, "Refund today's approved charges.")
        print(result.final_output)


if __name__ == "__main__":
    asyncio.run(main())
