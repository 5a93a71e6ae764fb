from review.agents import memo_workflow, research_agent


def test_root_is_research():
    assert memo_workflow.root_agent == research_agent.name
