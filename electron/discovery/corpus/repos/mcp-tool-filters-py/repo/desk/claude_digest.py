"""Morning digest of treasury balances, written by Claude through the ledger server."""
import anyio
from claude_agent_sdk import ClaudeAgentOptions, query

OPTIONS = ClaudeAgentOptions(
    mcp_servers={"ledger": {"command": "python", "args": ["servers/ledger_server.py"]}},
    allowed_tools=["mcp__ledger__read_balance"],
    max_turns=6,
)


async def main() -> None:
    async for message in query(prompt="Write the morning balance digest for the treasury accounts.", options=OPTIONS):
        print(message)


if __name__ == "__main__":
    anyio.run(main)
