"""Pull request review with the project's Claude Code configuration (settings, .mcp.json, subagents)."""
import asyncio
import os

from claude_agent_sdk import ClaudeAgentOptions, ClaudeSDKClient

OPTIONS = ClaudeAgentOptions(
    setting_sources=["project"],
    allowed_tools=["Read", "Grep"],
    system_prompt="Review the diff of this pull request for ledger consistency. Reply with findings only.",
    max_turns=20,
)


async def main() -> None:
    async with ClaudeSDKClient(options=OPTIONS) as client:
        await client.query(f"Review pull request #{os.environ['PR_NUMBER']}.")
        async for message in client.receive_response():
            print(message)


if __name__ == "__main__":
    asyncio.run(main())
