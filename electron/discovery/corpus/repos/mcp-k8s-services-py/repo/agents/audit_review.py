"""Audit review assistant: uses the audit team's own ledger replica in their namespace, not ours."""
import asyncio

from agents import Agent, Runner
from agents.mcp import MCPServerStreamableHttp


async def main() -> None:
    async with MCPServerStreamableHttp(name="audit-ledger", params={"url": "http://ledger-mcp.audit.svc.cluster.local/mcp"}) as ledger:
        agent = Agent(name="Audit review", instructions="Sample ten adjustments and explain them.", mcp_servers=[ledger])
        print((await Runner.run(agent, "Sample this month's adjustments.")).final_output)


if __name__ == "__main__":
    asyncio.run(main())
