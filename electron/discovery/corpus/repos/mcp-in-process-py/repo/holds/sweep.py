"""Hourly risk sweep: an OpenAI tool loop over the payout-hold tools, hosted in this process."""
import asyncio
import json

from mcp.shared.memory import create_connected_server_and_client_session
from openai import OpenAI

from holds.server import mcp

client = OpenAI()


async def main() -> None:
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        listed = await session.list_tools()
        tools = [{"type": "function", "function": {"name": t.name, "description": t.description, "parameters": t.inputSchema}} for t in listed.tools]
        messages = [{"role": "user", "content": "Review accounts flagged in the last hour and hold the risky ones."}]
        for _ in range(10):
            reply = client.chat.completions.create(model="gpt-4.1", tools=tools, messages=messages)
            message = reply.choices[0].message
            messages.append(message)
            if not message.tool_calls:
                break
            for call in message.tool_calls:
                result = await session.call_tool(call.function.name, json.loads(call.function.arguments))
                messages.append({"role": "tool", "tool_call_id": call.id, "content": str(result.content)})


if __name__ == "__main__":
    asyncio.run(main())
