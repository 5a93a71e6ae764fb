"""Runs against `langgraph dev` on localhost: the supervisor must route refunds to billing."""
import pytest
from langgraph_sdk import get_client


@pytest.mark.asyncio
async def test_refund_question_goes_to_billing():
    client = get_client(url="http://localhost:2024")
    thread = await client.threads.create()
    names = []
    async for chunk in client.runs.stream(
        thread["thread_id"],
        "support",
        input={"messages": [{"role": "user", "content": "I was charged twice for invoice 1042"}]},
        stream_mode="updates",
    ):
        names.extend(chunk.data.keys() if isinstance(chunk.data, dict) else [])
    assert "billing_agent" in names
