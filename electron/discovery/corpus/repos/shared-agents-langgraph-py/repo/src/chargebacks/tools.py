"""Every tool the chargebacks graphs may be given. Which graph gets which is decided in agents.py and the graph files."""
import csv
import os

import httpx
import psycopg
import stripe
from langchain_core.tools import tool

DSN = os.environ["CHARGEBACKS_DSN"]
stripe.api_key = os.environ["STRIPE_SECRET_KEY"]


def _hold(merchant_id: str) -> int:
    with psycopg.connect(DSN) as conn:
        return conn.execute("UPDATE payouts SET held = true WHERE merchant_id = %s AND paid_at IS NULL", (merchant_id,)).rowcount


@tool
def read_dispute(dispute_id: str) -> dict:
    """Look a dispute up: amount, reason code, deadline."""
    with psycopg.connect(DSN) as conn:
        row = conn.execute("SELECT id, amount, reason_code, respond_by FROM disputes WHERE id = %s", (dispute_id,)).fetchone()
    return dict(zip(["id", "amount", "reason_code", "respond_by"], row)) if row else {}


@tool
def fetch_evidence_page(url: str) -> str:
    """Fetch a page the merchant points to as evidence (tracking page, signed delivery note)."""
    return httpx.get(url, timeout=20, follow_redirects=True).text[:20_000]


@tool
def hold_payout(merchant_id: str) -> str:
    """Hold the merchant's unpaid payouts while a dispute is open."""
    return f"held {_hold(merchant_id)} payouts"


@tool
def refund_charge(charge_id: str) -> str:
    """Refund the disputed charge before the dispute is lost."""
    refund = stripe.Refund.create(charge=charge_id, reason="requested_by_customer")
    return refund.id


@tool
def snapshot_payouts(path: str) -> str:
    """Write the open payouts to a CSV on the shared volume for finance."""
    with psycopg.connect(DSN) as conn:
        rows = conn.execute("SELECT merchant_id, amount, scheduled_for FROM payouts WHERE paid_at IS NULL").fetchall()
    with open(path, "w", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return f"{len(rows)} payouts written"


@tool
def purge_evidence(dispute_id: str) -> str:
    """Delete the stored evidence of a closed dispute (ops console only)."""
    with psycopg.connect(DSN) as conn:
        conn.execute("DELETE FROM evidence WHERE dispute_id = %s", (dispute_id,))
    return "purged"
