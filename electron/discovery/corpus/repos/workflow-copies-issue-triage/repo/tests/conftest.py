import anthropic
import pytest


@pytest.fixture(scope="session")
def claude():
    return anthropic.Anthropic()


@pytest.fixture
def grade(claude):
    def _grade(labels: list[str], expected: str) -> bool:
        reply = claude.messages.create(model="claude-haiku-4-5", max_tokens=10, messages=[{"role": "user", "content": f"Do {labels} include {expected}? yes/no"}])
        return reply.content[0].text.strip().lower().startswith("yes")

    return _grade
