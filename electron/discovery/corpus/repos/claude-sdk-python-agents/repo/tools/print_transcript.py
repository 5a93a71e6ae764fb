"""Pretty-prints a saved audit transcript. Uses the SDK's message types only; runs no agent."""

import json
import sys

from claude_agent_sdk import AssistantMessage, ResultMessage, TextBlock


def describe(entry: dict) -> str:
    kind = entry.get("type")
    if kind == AssistantMessage.__name__:
        return "\n".join(block["text"] for block in entry["content"] if block.get("type") == TextBlock.__name__)
    if kind == ResultMessage.__name__:
        return f"-- result: {entry['subtype']}"
    return ""


if __name__ == "__main__":
    with open(sys.argv[1]) as handle:
        for line in handle:
            text = describe(json.loads(line))
            if text:
                print(text)
