"""Ledger tools for Northwind Pay's finance assistants, served over MCP (stdio)."""
import os

import psycopg
import stripe
from mcp.server.fastmcp import FastMCP

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]
DATABASE_URL = os.environ["LEDGER_DATABASE_URL"]

mcp = FastMCP("ledger")


@mcp.tool()
def account_balance(account_id: str) -> str:
    """Current balance of a merchant account, in cents."""
    with psycopg.connect(DATABASE_URL) as conn:
        row = conn.execute("SELECT balance_cents FROM accounts WHERE id = %s", (account_id,)).fetchone()
    return str(row[0]) if row else "unknown account"


@mcp.tool()
def recent_payouts(account_id: str, limit: int = 20) -> list[dict]:
    """The latest payouts of an account."""
    with psycopg.connect(DATABASE_URL) as conn:
        rows = conn.execute(
            "SELECT id, amount_cents, status FROM payouts WHERE account_id = %s ORDER BY created_at DESC LIMIT %s",
            (account_id, limit),
        ).fetchall()
    return [{"id": r[0], "amount_cents": r[1], "status": r[2]} for r in rows]


@mcp.tool(description="Refund a captured charge (finance approval required above 500 EUR).")
def refund_charge(charge_id: str, amount_cents: int) -> str:
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return refund.id


if __name__ == "__main__":
    mcp.run(transport="stdio")
