"""Ops assistant. Its filter is decided at run time, from the caller's role: nothing is narrowed we can read."""
import asyncio
import os

from agents import Agent, Runner
from agents.mcp import MCPServerStdio, ToolFilterContext

ROLE = os.getenv("OPS_ROLE", "viewer")


def by_role(context: ToolFilterContext, tool) -> bool:
    return ROLE == "admin" or tool.name.startswith("read_")


async def main() -> None:
    async with MCPServerStdio(params={"command": "python", "args": ["servers/ledger_server.py"]}, tool_filter=by_role) as ledger:
        agent = Agent(name="Ops assistant", instructions="Help the ops team.", mcp_servers=[ledger])
        print((await Runner.run(agent, "Tidy up dormant accounts.")).final_output)


if __name__ == "__main__":
    asyncio.run(main())
