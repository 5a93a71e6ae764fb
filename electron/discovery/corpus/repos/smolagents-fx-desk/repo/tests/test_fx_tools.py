from unittest.mock import patch

from smolagents import CodeAgent

from fx_tools import latest_rate


@patch("fx_tools.requests.get")
def test_latest_rate_reads_the_quote(get):
    get.return_value.json.return_value = {"rates": {"EUR": 0.92}}
    assert latest_rate("USD", "EUR") == 0.92


def test_agent_accepts_the_tool(fake_model):
    agent = CodeAgent(tools=[latest_rate], model=fake_model)
    assert "latest_rate" in agent.tools
    agent.run("What is 1 USD in EUR?")
