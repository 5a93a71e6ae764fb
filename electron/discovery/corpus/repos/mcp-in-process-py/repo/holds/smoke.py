"""Post-deploy check: the hold tools still list. No model."""
import asyncio

from fastmcp import Client

from holds.server import mcp


async def main() -> None:
    async with Client(mcp) as session:
        print([tool.name for tool in await session.list_tools()])


if __name__ == "__main__":
    asyncio.run(main())
