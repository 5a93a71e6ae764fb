"""Nightly reconciliation: an OpenAI Agents SDK agent that checks payouts through the ledger MCP server."""
import asyncio

from agents import Agent, Runner
from agents.mcp import MCPServerStdio

INSTRUCTIONS = """You reconcile yesterday's payouts. Use the ledger tools to compare balances and
payouts, and refund a charge only when it was paid out twice."""


async def main() -> None:
    async with MCPServerStdio(name="ledger", params={"command": "python", "args": ["servers/ledger_server.py"]}) as ledger:
        agent = Agent(name="Reconciler", instructions=INSTRUCTIONS, model="gpt-4.1", mcp_servers=[ledger])
        result = await Runner.run(agent, "Reconcile the payouts of yesterday.")
        print(result.final_output)


if __name__ == "__main__":
    asyncio.run(main())
