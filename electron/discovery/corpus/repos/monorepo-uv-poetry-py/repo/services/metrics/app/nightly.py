"""Rolls the day's ticket counts up into the reporting table."""

import os

import psycopg


def main() -> None:
    with psycopg.connect(os.environ["TICKETS_DATABASE_URL"]) as conn:
        conn.execute("INSERT INTO daily_counts SELECT date_trunc('day', opened_at), queue, count(*) FROM tickets GROUP BY 1, 2 ON CONFLICT DO NOTHING")


if __name__ == "__main__":
    main()
