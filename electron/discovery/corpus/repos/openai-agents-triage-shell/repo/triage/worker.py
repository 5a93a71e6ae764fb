"""Heroku worker: one agent run per inbound merchant email; drafts go to Slack for review."""
import os

import redis
from agents import RunConfig, Runner
from slack_sdk import WebClient

from triage.agents import triage_agent

STREAM = "merchant-support:inbound"


def main() -> None:
    queue = redis.Redis.from_url(os.environ["REDIS_URL"])
    slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
    last_id = (queue.get("merchant-support:last-id") or b"0-0").decode()
    while True:
        for _, entries in queue.xread({STREAM: last_id}, block=30_000, count=10) or []:
            for entry_id, fields in entries:
                email = fields[b"body"].decode()
                result = Runner.run_sync(
                    triage_agent,
                    email,
                    max_turns=10,
                    run_config=RunConfig(workflow_name="merchant-support-triage", group_id=fields[b"thread"].decode()),
                )
                slack.chat_postMessage(channel="#merchant-support-drafts", text=result.final_output)
                last_id = entry_id.decode()
                queue.set("merchant-support:last-id", last_id)


if __name__ == "__main__":
    main()
