from agno.agent import Agent
from agno.models.openai import OpenAIChat
from agno.tools.duckduckgo import DuckDuckGoTools

web_researcher = Agent(
    name="Web Researcher",
    role="Finds public information about a merchant.",
    model=OpenAIChat(id="gpt-4o-mini"),
    tools=[DuckDuckGoTools(cache_results=True)],
    add_datetime_to_instructions=True,
)
