import pytest
from langchain_openai import ChatOpenAI


@pytest.fixture(scope="session")
def judge_model():
    return ChatOpenAI(model="gpt-4.1-mini", temperature=0)
