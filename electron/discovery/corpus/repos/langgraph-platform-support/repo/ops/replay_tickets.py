"""Replays last week's escalated tickets through the deployed support graph after a release."""
import os
import sys

import psycopg
from langgraph_sdk import get_sync_client

client = get_sync_client(url="https://support-desk.northwind-pay.example")


def main(days: int) -> None:
    with psycopg.connect(os.environ["SUPPORT_DB_URL"]) as conn, conn.cursor() as cur:
        cur.execute("SELECT id, body FROM tickets WHERE escalated AND created_at > now() - make_interval(days => %s)", (days,))
        tickets = cur.fetchall()
    for ticket_id, body in tickets:
        result = client.runs.wait(None, "support", input={"messages": [{"role": "user", "content": body}]})
        print(ticket_id, result["messages"][-1]["content"][:200])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
