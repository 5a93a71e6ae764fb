"""Pretty-prints a saved transcript; uses only the SDK's message types."""

import json
import sys

from claude_agent_sdk.types import AssistantMessage

for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    print(AssistantMessage.__name__, record.get("text", ""))
