import pytest
from openai import OpenAI


@pytest.fixture
def judge():
    """An LLM judge for the reconciliation evals (needs OPENAI_API_KEY; skipped in CI)."""
    client = OpenAI()

    def grade(answer: str) -> bool:
        reply = client.chat.completions.create(model="gpt-4.1-mini", messages=[{"role": "user", "content": f"Is this a correct reconciliation? {answer}"}])
        return "yes" in reply.choices[0].message.content.lower()

    return grade
