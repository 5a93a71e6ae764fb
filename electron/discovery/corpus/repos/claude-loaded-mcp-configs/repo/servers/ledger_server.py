"""Read-only ledger tools for Claude Code sessions and the CI agents."""
import os

import psycopg
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ledger")


@mcp.tool()
def account_balance(account_id: str) -> str:
    """Balance and currency of a ledger account."""
    with psycopg.connect(os.environ["LEDGER_DB_URL"]) as conn:
        row = conn.execute("SELECT balance, currency FROM accounts WHERE id = %s", (account_id,)).fetchone()
    return f"{row[0]} {row[1]}" if row else "unknown account"


if __name__ == "__main__":
    mcp.run()
