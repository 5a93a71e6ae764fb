"""Smoke test against `langgraph dev`: the helper must mention the deadline."""
from langgraph_sdk import get_sync_client


def test_mentions_deadline():
    client = get_sync_client(url="http://127.0.0.1:2024")
    result = client.runs.wait(None, "dispute_helper", input={"messages": [{"role": "user", "content": "Where is dispute dp_123?"}]})
    assert "respond by" in result["messages"][-1]["content"].lower()
