import os
from typing import Any

import psycopg
from claude_agent_sdk import tool

DSN = os.environ["FINDINGS_DATABASE_URL"]


@tool("file_finding", "File a security finding", {"title": str, "severity": str, "path": str})
async def file_finding(args: dict[str, Any]) -> dict[str, Any]:
    with psycopg.connect(DSN) as conn:
        conn.execute(
            "INSERT INTO security_findings (title, severity, path) VALUES (%s, %s, %s)",
            (args["title"], args["severity"], args["path"]),
        )
    return {"content": [{"type": "text", "text": f"filed: {args['title']}"}]}


@tool("list_open_findings", "List findings not yet fixed", {})
async def list_open_findings(args: dict[str, Any]) -> dict[str, Any]:
    with psycopg.connect(DSN) as conn:
        rows = conn.execute("SELECT title, severity, path FROM security_findings WHERE fixed_at IS NULL").fetchall()
    return {"content": [{"type": "text", "text": "\n".join(f"{t} ({s}) {p}" for t, s, p in rows)}]}
