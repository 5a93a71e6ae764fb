"""Nightly security audit of the payments services, run by Claude Code through the Agent SDK."""

import os

import anyio
from claude_agent_sdk import (
    AgentDefinition,
    AssistantMessage,
    ClaudeAgentOptions,
    ClaudeSDKClient,
    ResultMessage,
    TextBlock,
    create_sdk_mcp_server,
)

from reviewer.findings_tools import file_finding, list_open_findings

findings_server = create_sdk_mcp_server(name="findings", version="1.0.0", tools=[file_finding, list_open_findings])

AUDIT_PROMPT = """Audit the services under services/ for security problems introduced in the last day.
Delegate dependency questions to the dependency-auditor and missing tests to the test-writer.
File every finding with the file_finding tool."""


def build_options() -> ClaudeAgentOptions:
    return ClaudeAgentOptions(
        model="claude-sonnet-4-5",
        system_prompt="You are the security auditor of Northwind Pay.",
        cwd=os.environ.get("AUDIT_CHECKOUT", "."),
        max_turns=40,
        allowed_tools=["Read", "Glob", "Grep", "Bash(git log:*)", "Task", "mcp__findings__file_finding", "mcp__findings__list_open_findings"],
        mcp_servers={"findings": findings_server},
        setting_sources=["project"],
        agents={
            "dependency-auditor": AgentDefinition(
                description="Checks lockfiles for vulnerable or unpinned dependencies.",
                prompt="You audit dependencies. Report package, version and advisory.",
                tools=["Read", "Grep", "WebFetch"],
                model="haiku",
            ),
            "test-writer": AgentDefinition(
                description="Writes a failing test that shows a security bug.",
                prompt="You write minimal pytest tests that reproduce a finding.",
                tools=["Read", "Write", "Edit", "Bash(pytest:*)"],
                model="sonnet",
            ),
        },
    )


async def main() -> None:
    async with ClaudeSDKClient(options=build_options()) as client:
        await client.query(AUDIT_PROMPT)
        async for message in client.receive_response():
            if isinstance(message, AssistantMessage):
                for block in message.content:
                    if isinstance(block, TextBlock):
                        print(block.text)
            elif isinstance(message, ResultMessage):
                print(f"audit finished: {message.subtype}, cost ${message.total_cost_usd:.2f}")


if __name__ == "__main__":
    anyio.run(main)
