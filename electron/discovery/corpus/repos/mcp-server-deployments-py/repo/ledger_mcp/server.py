"""Read-only ledger lookups for the finance assistants."""
import os

import psycopg
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ledger")


@mcp.tool()
def account_balance(account_id: str) -> str:
    """Current balance of a ledger account."""
    with psycopg.connect(os.environ["LEDGER_DATABASE_URL"]) as conn:
        row = conn.execute("select balance_cents, currency from ledger_accounts where id = %s", (account_id,)).fetchone()
    return "unknown account" if row is None else f"{row[0] / 100:.2f} {row[1]}"


if __name__ == "__main__":
    mcp.run(transport="sse")
