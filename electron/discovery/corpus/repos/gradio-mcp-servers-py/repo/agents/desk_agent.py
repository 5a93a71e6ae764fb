"""The support desk's agent: balance questions and small refunds, with the ledger desk's tools."""

import sys

from smolagents import InferenceClientModel, ToolCallingAgent
from smolagents.mcp_client import MCPClient

LEDGER_MCP_URL = "http://localhost:7861/gradio_api/mcp/sse"


def main(question: str) -> None:
    with MCPClient({"url": LEDGER_MCP_URL}) as tools:
        agent = ToolCallingAgent(tools=tools, model=InferenceClientModel(model_id="Qwen/Qwen2.5-72B-Instruct"))
        print(agent.run(question))


if __name__ == "__main__":
    main(" ".join(sys.argv[1:]))
