"""Nightly: a DSPy ReAct agent settles small open disputes the merchant already accepted."""
import os

import dspy
import psycopg
import stripe

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]
dspy.configure(lm=dspy.LM("anthropic/claude-sonnet-4-5", max_tokens=2000))


def open_disputes() -> list[tuple]:
    """Open disputes under 50 EUR that the merchant accepted."""
    with psycopg.connect(os.environ["LEDGER_DSN"]) as conn:
        return conn.execute("SELECT id, charge_id, amount_cents FROM disputes WHERE status = 'accepted' AND amount_cents < 5000").fetchall()


def refund(charge_id: str) -> str:
    """Refund the disputed charge in full."""
    return stripe.Refund.create(charge=charge_id).status


settle = dspy.ReAct("instructions -> report", tools=[open_disputes, refund], max_iters=12)

if __name__ == "__main__":
    print(settle(instructions="Refund each accepted dispute once, then report what you refunded.").report)
