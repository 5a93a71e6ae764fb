"""Read-only ledger lookups served over MCP (streamable HTTP) from AgentCore Runtime."""
import os

import psycopg
from mcp.server.fastmcp import FastMCP

mcp = FastMCP(host="0.0.0.0", stateless_http=True)


@mcp.tool()
def invoice_status(invoice_id: str) -> str:
    """Status of an invoice in the ledger."""
    with psycopg.connect(os.environ["LEDGER_DSN"]) as conn:
        row = conn.execute("SELECT status FROM invoices WHERE id = %s", (invoice_id,)).fetchone()
    return row[0] if row else "unknown"


if __name__ == "__main__":
    mcp.run(transport="streamable-http")
