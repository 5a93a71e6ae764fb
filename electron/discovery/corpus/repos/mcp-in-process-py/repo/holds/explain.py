"""Explains a hold to the merchant-support team, with Claude reading the same tools in-process."""
import asyncio
import sys

import anthropic
from fastmcp import Client

from holds.server import mcp

claude = anthropic.Anthropic()


async def main(account: str) -> None:
    async with Client(mcp) as session:
        tools = [{"name": t.name, "description": t.description or "", "input_schema": t.inputSchema} for t in await session.list_tools()]
        reply = claude.messages.create(
            model="claude-sonnet-4-5",
            max_tokens=800,
            tools=tools,
            messages=[{"role": "user", "content": f"Why is {account} on hold? Look at its risk signals."}],
        )
        print(reply.content)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
