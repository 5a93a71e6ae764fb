"""2024 experiment: could an LLM write friendlier descriptors? Kept as an opt-in evaluation."""
import os

import pytest
from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI

pytestmark = pytest.mark.skipif("OPENAI_API_KEY" not in os.environ, reason="evaluation needs an OpenAI key")


@tool
def descriptor_length(text: str) -> int:
    """Length of a candidate descriptor."""
    return len(text)


def test_agent_keeps_descriptors_short():
    prompt = ChatPromptTemplate.from_messages(
        [("system", "Write a bank statement descriptor of at most 22 characters."), ("human", "{input}"), ("placeholder", "{agent_scratchpad}")]
    )
    llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
    executor = AgentExecutor(agent=create_tool_calling_agent(llm, [descriptor_length], prompt), tools=[descriptor_length])
    result = executor.invoke({"input": "Merchant: The Very Long Coffee Roasters Ltd"})
    assert len(result["output"]) <= 22
