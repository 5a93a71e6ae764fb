"""Triage of a new issue: labels it, links duplicates and answers questions the docs answer."""

import asyncio
import os

from claude_code_sdk import ClaudeCodeOptions, ResultMessage, query

PROMPT = """Triage issue #{number} of {repo}.
Read it with the GitHub tools, add one of the labels bug, question or feature,
search the docs for an answer and comment with it when there is one."""


async def main() -> None:
    options = ClaudeCodeOptions(
        model="claude-sonnet-4-5",
        allowed_tools=["Read", "WebFetch", "mcp__github__get_issue", "mcp__github__add_issue_comment", "mcp__github__update_issue"],
        mcp_servers={
            "github": {
                "command": "docker",
                "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],
                "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": os.environ["GITHUB_TOKEN"]},
            }
        },
        max_turns=12,
    )
    prompt = PROMPT.format(number=os.environ["ISSUE_NUMBER"], repo=os.environ["GITHUB_REPOSITORY"])
    async for message in query(prompt=prompt, options=options):
        if isinstance(message, ResultMessage):
            print(f"triage {message.subtype} in {message.num_turns} turns")


if __name__ == "__main__":
    asyncio.run(main())
