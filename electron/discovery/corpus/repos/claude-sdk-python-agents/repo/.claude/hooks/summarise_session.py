#!/usr/bin/env python3
"""Stop hook: asks Claude for a one-paragraph summary of the session and appends it to the team log."""

import asyncio
import json
import sys
from pathlib import Path

from claude_agent_sdk import AssistantMessage, ClaudeAgentOptions, TextBlock, query

LOG = Path.home() / ".northwind" / "session-log.md"


async def summarise(transcript_path: str) -> str:
    transcript = Path(transcript_path).read_text()[-20000:]
    options = ClaudeAgentOptions(model="claude-haiku-4-5", allowed_tools=[], max_turns=1)
    text: list[str] = []
    async for message in query(prompt=f"Summarise this coding session in one paragraph:\n{transcript}", options=options):
        if isinstance(message, AssistantMessage):
            text.extend(block.text for block in message.content if isinstance(block, TextBlock))
    return "".join(text)


if __name__ == "__main__":
    payload = json.load(sys.stdin)
    summary = asyncio.run(summarise(payload["transcript_path"]))
    with LOG.open("a") as log:
        log.write(f"\n## {payload['session_id']}\n{summary}\n")
