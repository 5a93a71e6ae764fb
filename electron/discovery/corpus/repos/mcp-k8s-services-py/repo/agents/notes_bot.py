"""Writes the month's close notes with Claude, through the close-notes server started from its folder."""
import asyncio
import sys

import anthropic
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

claude = anthropic.Anthropic()
PARAMS = StdioServerParameters(command="python", args=["server.py"], cwd="notes_mcp")


async def main(period: str) -> None:
    async with stdio_client(PARAMS) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        listed = await session.list_tools()
        tools = [{"name": t.name, "description": t.description or "", "input_schema": t.inputSchema} for t in listed.tools]
        messages = [{"role": "user", "content": f"Write the close notes for {period}."}]
        for _ in range(6):
            reply = claude.messages.create(model="claude-sonnet-4-5", max_tokens=1024, tools=tools, messages=messages)
            messages.append({"role": "assistant", "content": reply.content})
            if reply.stop_reason != "tool_use":
                break
            results = []
            for block in reply.content:
                if block.type == "tool_use":
                    result = await session.call_tool(block.name, block.input)
                    results.append({"type": "tool_result", "tool_use_id": block.id, "content": str(result.content)})
            messages.append({"role": "user", "content": results})


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
