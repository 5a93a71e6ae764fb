"""Exports queue depths of the ticket desk for Prometheus."""

import os
import time

import psycopg
from prometheus_client import Gauge, start_http_server

QUEUE_DEPTH = Gauge("desk_queue_depth", "Open tickets per queue", ["queue"])


def main() -> None:
    start_http_server(int(os.environ.get("PORT", "9100")))
    while True:
        with psycopg.connect(os.environ["TICKETS_DATABASE_URL"]) as conn:
            for queue, count in conn.execute("SELECT queue, count(*) FROM tickets WHERE closed_at IS NULL GROUP BY queue"):
                QUEUE_DEPTH.labels(queue).set(count)
        time.sleep(30)


if __name__ == "__main__":
    main()
