import os
from typing import Any

import psycopg
from claude_agent_sdk import create_sdk_mcp_server, tool

DSN = os.environ["CLAIMS_DATABASE_URL"]


@tool("lookup_claim", "Read one claim with its policy", {"claim_id": str})
async def lookup_claim(args: dict[str, Any]) -> dict[str, Any]:
    with psycopg.connect(DSN) as conn:
        row = conn.execute(
            "SELECT c.id, c.amount_cents, p.holder FROM claims c JOIN policies p ON p.id = c.policy_id WHERE c.id = %s",
            (args["claim_id"],),
        ).fetchone()
    return {"content": [{"type": "text", "text": str(row)}]}


@tool("flag_claim", "Flag a claim for the fraud team", {"claim_id": str, "reason": str})
async def flag_claim(args: dict[str, Any]) -> dict[str, Any]:
    with psycopg.connect(DSN) as conn:
        conn.execute("UPDATE claims SET flagged_reason = %s WHERE id = %s", (args["reason"], args["claim_id"]))
    return {"content": [{"type": "text", "text": "flagged"}]}


claims_server = create_sdk_mcp_server(name="claims", version="1.0.0", tools=[lookup_claim, flag_claim])
