"""Audit trail lookups for reviewers, as MCP tools."""
import os

import psycopg
from fastmcp import FastMCP

mcp = FastMCP("audit-log")


@mcp.tool
def who_changed(record_id: str) -> list[dict]:
    """Every change to a ledger record: who, when, and the old and new values."""
    with psycopg.connect(os.environ["AUDIT_DB_URL"]) as conn:
        rows = conn.execute(
            "SELECT actor, changed_at, old_value, new_value FROM audit_events WHERE record_id = %s ORDER BY changed_at",
            (record_id,),
        ).fetchall()
    return [dict(zip(("actor", "changed_at", "old", "new"), row)) for row in rows]
