"""Runs the KYC server over stdio (the `kyc-mcp` script)."""

import anyio
from mcp.server.stdio import stdio_server

from kyc_server.server import server


async def run() -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())


def main() -> None:
    anyio.run(run)


if __name__ == "__main__":
    main()
