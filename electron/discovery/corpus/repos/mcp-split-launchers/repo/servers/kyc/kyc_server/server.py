"""Low-level MCP server over the KYC case store; started by stdio_main.py."""

import os

import mcp.types as types
import psycopg
from mcp.server.lowlevel import Server

DSN = os.environ["KYC_DATABASE_URL"]

server = Server("kyc")


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(
            name="case_status",
            description="Status of a KYC case",
            inputSchema={"type": "object", "properties": {"case_id": {"type": "string"}}, "required": ["case_id"]},
        )
    ]


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    if name != "case_status":
        raise ValueError(f"unknown tool {name}")
    with psycopg.connect(DSN) as conn:
        row = conn.execute("SELECT status, opened_at FROM kyc_cases WHERE id = %s", (arguments["case_id"],)).fetchone()
    return [types.TextContent(type="text", text=str(row))]
