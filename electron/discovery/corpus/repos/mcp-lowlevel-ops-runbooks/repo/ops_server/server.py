"""Runbook tools for on-call engineers, on the low-level MCP server API."""
import asyncio
import subprocess

import mcp.types as types
from mcp.server import Server
from mcp.server.stdio import stdio_server

server = Server("ops-runbooks")

RUNBOOKS = {
    "restart_payments_worker": ["kubectl", "rollout", "restart", "deployment/payments-worker", "-n", "payments"],
    "flush_fx_cache": ["redis-cli", "-h", "fx-cache.internal", "FLUSHDB"],
}


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(name="run_runbook", description="Run one of the approved on-call runbooks by name.", inputSchema={"type": "object", "properties": {"runbook": {"type": "string"}}}),
        types.Tool(name="list_runbooks", description="List the approved runbooks.", inputSchema={"type": "object"}),
    ]


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    if name == "list_runbooks":
        return [types.TextContent(type="text", text="\n".join(RUNBOOKS))]
    command = RUNBOOKS[arguments["runbook"]]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=120)
    return [types.TextContent(type="text", text=completed.stdout or completed.stderr)]


async def main() -> None:
    async with stdio_server() as (read, write):
        await server.run(read, write, server.create_initialization_options())


if __name__ == "__main__":
    asyncio.run(main())
