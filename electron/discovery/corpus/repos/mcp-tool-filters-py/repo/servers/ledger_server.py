"""Ledger MCP server: balances, refunds and account closure for the finance agents."""
import os

import psycopg
import stripe
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ledger", port=8101)
DSN = os.environ["LEDGER_DSN"]
stripe.api_key = os.environ["STRIPE_API_KEY"]


@mcp.tool()
def read_balance(account: str) -> str:
    """Current balance of a ledger account."""
    with psycopg.connect(DSN) as conn:
        row = conn.execute("SELECT balance, currency FROM accounts WHERE id = %s", (account,)).fetchone()
    return f"{row[0]} {row[1]}"


@mcp.tool()
def refund_payment(charge_id: str, reason: str = "requested_by_customer") -> str:
    """Refund a card payment in full."""
    return stripe.Refund.create(charge=charge_id, reason=reason).id


@mcp.tool()
def close_account(account: str) -> str:
    """Close a ledger account and drop its rows."""
    with psycopg.connect(DSN) as conn:
        conn.execute("DELETE FROM accounts WHERE id = %s", (account,))
    return "closed"


if __name__ == "__main__":
    mcp.run(transport="streamable-http")
