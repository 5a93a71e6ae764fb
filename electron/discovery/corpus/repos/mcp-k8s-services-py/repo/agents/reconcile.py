"""Nightly reconciliation: the ledger server's URL is assembled from host and port settings."""
import asyncio
import os

from agents import Agent, Runner
from agents.mcp import MCPServerStreamableHttp

LEDGER_HOST = os.getenv("LEDGER_MCP_HOST", "ledger-mcp")
LEDGER_PORT = int(os.getenv("LEDGER_MCP_PORT", "80"))


async def main() -> None:
    async with MCPServerStreamableHttp(name="ledger", params={"url": f"http://{LEDGER_HOST}:{LEDGER_PORT}/mcp"}) as ledger:
        agent = Agent(name="Reconciler", instructions="Compare settlement totals with ledger balances.", mcp_servers=[ledger])
        print((await Runner.run(agent, "Reconcile yesterday's settlements.")).final_output)


if __name__ == "__main__":
    asyncio.run(main())
