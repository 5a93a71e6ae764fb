"""The agent worker: one run per dispute taken from the Redis queue the Zendesk hook fills."""
import json
import logging
import os

import redis
from agents import RunConfig, Runner

from disputes.agents import dispute_agent

log = logging.getLogger("disputes-agent")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    queue = redis.Redis.from_url(os.environ["REDIS_URL"])
    name = os.environ.get("DISPUTES_QUEUE", "disputes:incoming")
    while True:
        item = queue.brpop(name, timeout=30)
        if item is None:
            continue
        job = json.loads(item[1])
        result = Runner.run_sync(
            dispute_agent,
            f"Dispute {job['dispute_id']} (Zendesk ticket {job['ticket_id']}).",
            max_turns=12,
            run_config=RunConfig(workflow_name="dispute-resolution", group_id=str(job["dispute_id"])),
        )
        log.info("dispute %s: %s", job["dispute_id"], str(result.final_output)[:200])


if __name__ == "__main__":
    main()
