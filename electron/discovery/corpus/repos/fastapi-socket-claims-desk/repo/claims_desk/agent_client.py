from claude_agent_sdk import AssistantMessage, ClaudeAgentOptions, ClaudeSDKClient, TextBlock

from claims_desk.claim_tools import claims_server

SYSTEM_PROMPT = "You help Northwind Pay analysts review payment-protection claims. Look claims up before answering."


class ClaimsAgent:
    def __init__(self) -> None:
        self.options = ClaudeAgentOptions(
            model="claude-sonnet-4-5",
            system_prompt=SYSTEM_PROMPT,
            max_turns=20,
            allowed_tools=["Read", "mcp__claims__lookup_claim", "mcp__claims__flag_claim"],
            mcp_servers={"claims": claims_server},
        )

    async def ask(self, text: str):
        async with ClaudeSDKClient(options=self.options) as client:
            await client.query(text)
            async for message in client.receive_response():
                if isinstance(message, AssistantMessage):
                    for block in message.content:
                        if isinstance(block, TextBlock):
                            yield {"type": "text", "text": block.text}
