"""Batch triage: every open, unassigned ticket gets one pass of the support graph."""
import logging

from agent.db import connect
from agent.graph import build_graph

log = logging.getLogger("support-ticket-triage")


def open_ticket_ids(limit: int = 50) -> list[int]:
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT id FROM support_tickets WHERE status = 'open' AND assigned_to IS NULL "
            "ORDER BY created_at LIMIT %s",
            (limit,),
        )
        return [row[0] for row in cur.fetchall()]


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    graph = build_graph()
    for ticket_id in open_ticket_ids():
        result = graph.invoke(
            {"messages": [("user", f"Triage ticket {ticket_id}.")]},
            config={"recursion_limit": 12, "tags": ["support-ticket-triage"], "metadata": {"ticket_id": ticket_id}},
        )
        log.info("ticket %s: %s", ticket_id, result["messages"][-1].content[:200])


if __name__ == "__main__":
    main()
