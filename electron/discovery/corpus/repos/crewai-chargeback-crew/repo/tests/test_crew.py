from unittest.mock import patch

from src.chargeback_crew.crew import ChargebackCrew


def test_crew_has_two_agents_in_order():
    crew = ChargebackCrew().crew()
    assert [agent.role.strip() for agent in crew.agents] == ["Chargeback investigator", "Representment writer"]


@patch("src.chargeback_crew.tools.requests.post")
def test_kickoff_files_once(post):
    post.return_value.json.return_value = {"reference": "CN-1"}
    ChargebackCrew().crew().kickoff(inputs={"dispute_id": "dsp_test"})
    assert post.call_count == 1
