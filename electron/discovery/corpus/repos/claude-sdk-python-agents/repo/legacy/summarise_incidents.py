"""Weekly incident digest, written before the SDK was renamed (claude_code_sdk)."""

import asyncio
from pathlib import Path

from claude_code_sdk import AssistantMessage, ClaudeCodeOptions, TextBlock, query

OUT = Path("reports/incident-digest.md")


async def main() -> None:
    options = ClaudeCodeOptions(
        system_prompt="Summarise last week's incident postmortems for the leadership digest.",
        permission_mode="acceptEdits",
        allowed_tools=["Read", "Glob", "Write"],
        cwd="postmortems",
        max_turns=10,
    )
    parts: list[str] = []
    async for message in query(prompt="Write the digest of incidents from the last 7 days.", options=options):
        if isinstance(message, AssistantMessage):
            parts.extend(block.text for block in message.content if isinstance(block, TextBlock))
    OUT.write_text("\n".join(parts))


if __name__ == "__main__":
    asyncio.run(main())
