"""Ledger tools for the month-end closer, served over streamable HTTP."""
import os

import psycopg
import stripe
from fastmcp import FastMCP

mcp = FastMCP("ledger")

DB_URL = os.environ["LEDGER_DB_URL"]
stripe.api_key = os.environ["STRIPE_SECRET_KEY"]


@mcp.tool
def account_balance(account_id: str) -> float:
    """Current balance of a ledger account."""
    with psycopg.connect(DB_URL) as conn:
        row = conn.execute("SELECT balance FROM ledger_accounts WHERE id = %s", (account_id,)).fetchone()
    return float(row[0]) if row else 0.0


@mcp.tool
def refund_duplicate_charge(charge_id: str, amount_cents: int) -> str:
    """Refund a charge the reconciliation found twice."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return refund.id


if __name__ == "__main__":
    mcp.run(transport="streamable-http", host="0.0.0.0", port=int(os.getenv("PORT", "8101")))
