import os

import psycopg

from dispute_flow.types import Dispute


def new_disputes(limit: int = 20) -> list[Dispute]:
    with psycopg.connect(os.environ["DISPUTES_DATABASE_URL"]) as conn:
        rows = conn.execute(
            "SELECT id, merchant_id, reason_code, amount_minor, currency, customer_note FROM disputes WHERE routed_at IS NULL ORDER BY opened_at LIMIT %s",
            (limit,),
        ).fetchall()
    return [Dispute(id=r[0], merchant_id=r[1], reason_code=r[2], amount_minor=r[3], currency=r[4], customer_note=r[5]) for r in rows]


def mark_routed(dispute_id: str, route: str) -> None:
    with psycopg.connect(os.environ["DISPUTES_DATABASE_URL"]) as conn:
        conn.execute("UPDATE disputes SET routed_at = now(), route = %s WHERE id = %s", (route, dispute_id))
