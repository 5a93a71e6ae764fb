from app.DisputeAgent.main import dispute_history


def test_history_tool_is_named():
    assert dispute_history.tool_name == "dispute_history"
