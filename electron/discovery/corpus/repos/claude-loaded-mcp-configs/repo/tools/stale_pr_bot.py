"""Nudges stale pull requests, with GitHub's MCP server run from its image."""
import asyncio
import os

from claude_agent_sdk import ClaudeAgentOptions, ClaudeSDKClient

MCP_SERVERS = {
    "github": {
        "command": "docker",
        "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],
        "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": os.environ["STALE_BOT_GITHUB_PAT"]},
    },
    "linear": {"command": "npx", "args": ["-y", "mcp-remote", "https://mcp.linear.app/sse"]},
}


async def main() -> None:
    options = ClaudeAgentOptions(mcp_servers=MCP_SERVERS, allowed_tools=["mcp__github__list_pull_requests", "mcp__github__add_issue_comment"])
    async with ClaudeSDKClient(options=options) as client:
        await client.query("Comment on every pull request with no activity for 14 days.")
        async for message in client.receive_response():
            print(message)


if __name__ == "__main__":
    asyncio.run(main())
