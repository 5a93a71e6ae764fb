"""Merchant support desk in OpenAI Swarm: triage hands the conversation to a specialist by returning it."""
import os

import psycopg
import stripe
from swarm import Agent

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]


def transfer_to_refunds():
    """Hand the merchant to the refunds specialist."""
    return refunds_agent


def transfer_to_pricing():
    """Hand the merchant to the pricing specialist."""
    return pricing_agent


def transfer_back_to_triage():
    """Hand the merchant back to triage when the question is outside your area."""
    return triage_agent


def refund_charge(charge_id: str, reason: str):
    """Refund a charge in full. Ask the merchant to confirm first."""
    refund = stripe.Refund.create(charge=charge_id, metadata={"reason": reason})
    return refund.status


def current_fees(merchant_id: str):
    """The merchant's current fee plan."""
    with psycopg.connect(os.environ["LEDGER_DSN"]) as conn:
        return conn.execute("SELECT plan, card_rate_bps FROM fee_plans WHERE merchant_id = %s", (merchant_id,)).fetchone()


triage_agent = Agent(
    name="Triage Agent",
    model="gpt-4.1-mini",
    instructions="Find out what the merchant needs and transfer them to the right specialist.",
    functions=[transfer_to_refunds, transfer_to_pricing],
)

refunds_agent = Agent(
    name="Refunds Agent",
    model="gpt-4.1-mini",
    instructions="Help with refunds. Confirm the charge id before refunding.",
    functions=[refund_charge, transfer_back_to_triage],
)

pricing_agent = Agent(
    name="Pricing Agent",
    model="gpt-4.1-mini",
    instructions="Explain the merchant's fees.",
    functions=[current_fees, transfer_back_to_triage],
)
