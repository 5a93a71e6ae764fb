import pytest
from mcp.shared.memory import create_connected_server_and_client_session
from openai import OpenAI

from holds.server import mcp


@pytest.mark.anyio
async def test_model_sees_both_tools():
    async with create_connected_server_and_client_session(mcp._mcp_server) as session:
        listed = await session.list_tools()
        tools = [{"type": "function", "function": {"name": t.name, "parameters": t.inputSchema}} for t in listed.tools]
        reply = OpenAI().chat.completions.create(model="gpt-4.1-mini", tools=tools, messages=[{"role": "user", "content": "ping"}])
        assert reply.choices
