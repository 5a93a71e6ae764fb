from agno.agent import Agent
from agno.models.openai import OpenAIChat
from agno.tools.python import PythonTools

statement_analyst = Agent(
    name="Statement Analyst",
    role="Crunches settlement CSV exports with pandas.",
    model=OpenAIChat(id="gpt-4o"),
    tools=[PythonTools(base_dir="exports")],
    instructions=["Load the CSV the analyst names from exports/ and answer with a table."],
)
