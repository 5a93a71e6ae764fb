"""A third agent tried out for pre-arbitration cases; no crew uses it yet."""
from crewai import Agent

from src.chargeback_crew.tools import PaymentLookupTool


def build_arbitration_agent(llm):
    return Agent(
        role="Pre-arbitration analyst",
        goal="Decide whether a lost dispute is worth taking to pre-arbitration",
        backstory="You weigh the network fee against the amount at stake.",
        tools=[PaymentLookupTool()],
        llm=llm,
    )
