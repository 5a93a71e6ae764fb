"""The smallest Agno agent, for new team members."""
from agno.agent import Agent
from agno.models.openai import OpenAIChat

agent = Agent(model=OpenAIChat(id="gpt-4.1-mini"), markdown=True)
agent.print_response("Say hello to Northwind Pay.")
