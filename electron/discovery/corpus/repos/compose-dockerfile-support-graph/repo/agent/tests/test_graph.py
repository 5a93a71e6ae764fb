from support_agent.graph import graph


def test_answers_payout_question(judge_model):
    result = graph.invoke({"messages": [("user", "Merchant m_1: where is my payout?")]})
    verdict = judge_model.invoke(f"Does this answer mention a payout status? {result['messages'][-1].content}")
    assert "yes" in verdict.content.lower()
