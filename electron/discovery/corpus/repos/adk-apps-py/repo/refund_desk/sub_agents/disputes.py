import os

import stripe
from google.adk.agents import Agent

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]


def issue_refund(charge_id: str, amount_cents: int) -> dict:
    """Refund part or all of a disputed charge."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return {"status": refund.status, "refund_id": refund.id}


dispute_agent = Agent(
    name="dispute_agent",
    model="gemini-2.5-flash",
    description="Handles card disputes and refunds.",
    instruction="Check the dispute reason, then refund only amounts under 500 EUR.",
    tools=[issue_refund],
)
