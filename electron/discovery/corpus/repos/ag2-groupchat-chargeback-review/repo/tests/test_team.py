from unittest.mock import patch

from review import team


def test_group_has_the_three_assistants():
    names = [agent.name for agent in team.group.agents]
    assert names == ["executor", "planner", "analyst", "reporter"]


@patch("review.team.executor.initiate_chat")
def test_run_review_returns_the_summary(initiate_chat):
    initiate_chat.return_value.summary = "3 merchants flagged"
    assert team.run_review() == "3 merchants flagged"
