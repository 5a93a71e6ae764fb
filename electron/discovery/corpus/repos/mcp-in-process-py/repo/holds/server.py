"""Payout-hold tools, served in-process by the risk agents."""
import os

import psycopg
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("payout-holds")
DSN = os.environ["LEDGER_DSN"]


@mcp.tool()
def risk_signals(account: str) -> str:
    """Recent risk signals of an account."""
    with psycopg.connect(DSN) as conn:
        rows = conn.execute("SELECT kind, score FROM risk_signals WHERE account_id = %s ORDER BY seen_at DESC LIMIT 20", (account,)).fetchall()
    return "\n".join(f"{kind}: {score}" for kind, score in rows)


@mcp.tool()
def place_hold(account: str, reason: str) -> str:
    """Hold the account's payouts until risk reviews it."""
    with psycopg.connect(DSN) as conn:
        conn.execute("UPDATE accounts SET payout_hold = true, hold_reason = %s WHERE id = %s", (reason, account))
    return "held"
