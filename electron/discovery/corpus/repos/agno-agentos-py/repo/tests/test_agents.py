from agents.ledger import ledger_agent
from agents.support import support_team


def test_team_members():
    assert [member.name for member in support_team.members] == ["FAQ Agent", "Refunds Agent"]


def test_ledger_agent_answers():
    response = ledger_agent.run("Balance of merchant m_123?")
    assert response.content
