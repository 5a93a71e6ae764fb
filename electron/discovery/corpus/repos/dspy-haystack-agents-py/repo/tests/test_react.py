import dspy

from disputes.react_agent import settle


def test_settle_runs_with_a_dummy_lm():
    dspy.configure(lm=dspy.utils.DummyLM([{"report": "nothing to settle"}]))
    assert settle(instructions="dry run").report
