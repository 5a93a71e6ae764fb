from agno.models.anthropic import Claude
from agno.team import Team

from agents.news_reader import news_reader
from agents.web_researcher import web_researcher

research_team = Team(
    name="Merchant Research Team",
    mode="coordinate",
    model=Claude(id="claude-sonnet-4-5"),
    members=[web_researcher, news_reader],
    instructions=[
        "Search the web for the merchant, read the news articles found, and write a short risk note with sources.",
    ],
    show_members_responses=True,
    markdown=True,
)
