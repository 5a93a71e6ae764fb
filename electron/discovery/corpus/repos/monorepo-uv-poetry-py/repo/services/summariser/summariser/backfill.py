"""Summarises the closed tickets of the last week that have no summary yet."""

import os

import psycopg

from summariser.summarise import summarise_thread


def main() -> None:
    with psycopg.connect(os.environ["TICKETS_DATABASE_URL"]) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM tickets WHERE summary IS NULL AND closed_at > now() - interval '7 days'")]
    for ticket_id in ids:
        summarise_thread(ticket_id)


if __name__ == "__main__":
    main()
