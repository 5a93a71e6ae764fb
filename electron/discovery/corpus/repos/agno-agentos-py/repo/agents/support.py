import os

import stripe
from agno.agent import Agent
from agno.models.anthropic import Claude
from agno.team import Team

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]


def refund_charge(charge_id: str) -> str:
    """Refund a charge in full."""
    return stripe.Refund.create(charge=charge_id).status


faq_agent = Agent(
    name="FAQ Agent",
    model=Claude(id="claude-sonnet-4-5"),
    instructions=["Answer questions about fees and payout schedules."],
)

refunds_agent = Agent(
    name="Refunds Agent",
    model=Claude(id="claude-sonnet-4-5"),
    instructions=["Refund only charges the merchant confirms."],
    tools=[refund_charge],
)

support_team = Team(
    name="Support Team",
    model=Claude(id="claude-sonnet-4-5"),
    members=[faq_agent, refunds_agent],
    instructions=["Send fee questions to the FAQ agent and refund requests to the refunds agent."],
)
