from teams.research import research_team


def test_team_answers():
    response = research_team.run("Northwind Coffee Roasters")
    assert response.content
