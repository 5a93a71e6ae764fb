"""Ledger MCP server, deployed in the finance namespace behind the ledger-mcp Service."""
import os

import psycopg
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ledger")
DSN = os.environ["LEDGER_DSN"]


@mcp.tool()
def account_balance(account: str) -> str:
    """Balance of a ledger account."""
    with psycopg.connect(DSN) as conn:
        row = conn.execute("SELECT balance, currency FROM accounts WHERE id = %s", (account,)).fetchone()
    return f"{row[0]} {row[1]}"


@mcp.tool()
def post_adjustment(account: str, cents: int, memo: str) -> str:
    """Post a ledger adjustment."""
    with psycopg.connect(DSN) as conn:
        conn.execute("INSERT INTO adjustments (account_id, cents, memo) VALUES (%s, %s, %s)", (account, cents, memo))
    return "posted"


if __name__ == "__main__":
    mcp.settings.host = "0.0.0.0"
    mcp.settings.port = int(os.getenv("PORT", "8080"))
    mcp.run(transport="streamable-http")
