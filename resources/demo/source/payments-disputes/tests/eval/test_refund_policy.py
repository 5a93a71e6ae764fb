"""Opt-in evaluation of the refund policy prompt against recorded disputes (needs a real key)."""
import json
import os
from pathlib import Path

import pytest
from openai import OpenAI

pytestmark = pytest.mark.skipif("OPENAI_API_KEY" not in os.environ, reason="evaluation needs OPENAI_API_KEY")
CASES = json.loads((Path(__file__).parent / "recorded_disputes.json").read_text()) if (Path(__file__).parent / "recorded_disputes.json").exists() else []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_refund_decision_matches_payments_ops(case):
    client = OpenAI()
    answer = client.chat.completions.create(
        model="gpt-4.1",
        temperature=0,
        messages=[
            {"role": "system", "content": "Answer REFUND or EVIDENCE for this card dispute, nothing else."},
            {"role": "user", "content": json.dumps(case["dispute"])},
        ],
    )
    assert answer.choices[0].message.content.strip() == case["expected"]
