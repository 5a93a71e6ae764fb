from agno.agent import Agent
from agno.models.openai import OpenAIChat
from agno.tools.newspaper4k import Newspaper4kTools

news_reader = Agent(
    name="News Reader",
    role="Reads and summarises the articles it is given.",
    model=OpenAIChat(id="gpt-4o-mini"),
    tools=[Newspaper4kTools()],
)
