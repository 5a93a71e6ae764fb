"""Tools of the chargeback desk. Each graph is given only the ones it needs."""
import os
from pathlib import Path

import psycopg
import stripe
from langchain_core.tools import tool

DSN = os.environ["LEDGER_DSN"]
stripe.api_key = os.environ["STRIPE_API_KEY"]


@tool
def read_charge(charge_id: str) -> str:
    """Look up a card charge in the ledger."""
    with psycopg.connect(DSN) as conn:
        row = conn.execute("SELECT id, amount, currency, status FROM charges WHERE id = %s", (charge_id,)).fetchone()
    return str(row)


@tool
def refund_charge(charge_id: str, reason: str) -> str:
    """Refund a charge in full. Support must have approved it."""
    refund = stripe.Refund.create(charge=charge_id, reason=reason)
    return refund.id


@tool
def write_dispute_note(dispute_id: str, note: str) -> str:
    """Append a note to the dispute file shared with the bank."""
    path = Path("/srv/disputes") / f"{dispute_id}.md"
    with open(path, "a") as handle:
        handle.write(note + "\n")
    return str(path)


@tool
def void_dispute(dispute_id: str) -> str:
    """Drop a dispute record. Kept for the ops console; no graph is given it."""
    with psycopg.connect(DSN) as conn:
        conn.execute("DELETE FROM disputes WHERE id = %s", (dispute_id,))
    return "voided"
