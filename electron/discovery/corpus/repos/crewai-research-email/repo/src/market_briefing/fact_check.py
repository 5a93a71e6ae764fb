"""Reads the briefing the crew just sent and flags figures that its sources do not support."""
import json
import os
import sys

from openai import OpenAI
from slack_sdk import WebClient

CHECK_PROMPT = (
    "You check a treasury briefing against the source excerpts it cites. "
    "Return JSON: {\"doubts\": [{\"claim\": str, \"why\": str}]}. Return an empty list when every figure is supported."
)


def main(briefing_path: str) -> None:
    with open(briefing_path, encoding="utf-8") as handle:
        briefing = handle.read()
    client = OpenAI()
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        response_format={"type": "json_object"},
        messages=[{"role": "system", "content": CHECK_PROMPT}, {"role": "user", "content": briefing}],
        max_tokens=800,
    )
    doubts = json.loads(response.choices[0].message.content)["doubts"]
    if doubts:
        text = "\n".join(f"• {d['claim']}: {d['why']}" for d in doubts)
        WebClient(token=os.environ["SLACK_BOT_TOKEN"]).chat_postMessage(
            channel="#treasury-desk", text=f"Briefing fact-check found {len(doubts)} doubt(s):\n{text}"
        )


if __name__ == "__main__":
    main(sys.argv[1])
