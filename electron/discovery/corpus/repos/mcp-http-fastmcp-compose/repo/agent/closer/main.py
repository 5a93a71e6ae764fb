"""Month-end closer: reconciles the ledger with the tools of the ledger and policy servers."""
import asyncio
import os

from agents import Agent, Runner
from agents.mcp import MCPServerSse, MCPServerStreamableHttp

LEDGER_MCP_URL = os.getenv("LEDGER_MCP_URL", "http://localhost:8101/mcp")

INSTRUCTIONS = """You close the month. Check every suspense account, refund duplicate
charges under 50 EUR, and cite the policy that allows each refund."""


async def main() -> None:
    async with MCPServerStreamableHttp(name="ledger", params={"url": LEDGER_MCP_URL}) as ledger, MCPServerSse(
        name="policy-kb", params={"url": "http://kb-mcp:8102/sse"}
    ) as kb:
        closer = Agent(name="closer", instructions=INSTRUCTIONS, model="gpt-4.1", mcp_servers=[ledger, kb])
        result = await Runner.run(closer, "Close the books for last month.")
        print(result.final_output)


if __name__ == "__main__":
    asyncio.run(main())
