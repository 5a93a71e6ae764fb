"""Summarises each ticket thread whose id arrives on the summaries queue."""

import os

import redis

from summariser.summarise import summarise_thread

queue = redis.Redis.from_url(os.environ["REDIS_URL"])


def main() -> None:
    while True:
        _, ticket_id = queue.blpop("desk:summaries")
        summarise_thread(ticket_id.decode())


if __name__ == "__main__":
    main()
