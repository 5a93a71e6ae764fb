"""Month-end close assistant: reaches the ledger server through its in-cluster Service."""
import asyncio
import os

from agents import Agent, Runner
from agents.mcp import MCPServerStreamableHttp

LEDGER_MCP_URL = os.getenv("LEDGER_MCP_URL", "http://ledger-mcp.finance.svc.cluster.local/mcp")


async def main() -> None:
    async with MCPServerStreamableHttp(name="ledger", params={"url": LEDGER_MCP_URL}) as ledger:
        agent = Agent(name="Month-end close", instructions="Check balances and post the accrual adjustments.", mcp_servers=[ledger])
        print((await Runner.run(agent, "Run the month-end close checklist.")).final_output)


if __name__ == "__main__":
    asyncio.run(main())
