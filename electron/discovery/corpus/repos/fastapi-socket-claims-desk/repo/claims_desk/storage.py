import os

import psycopg

DSN = os.environ["CLAIMS_DATABASE_URL"]


def open_claims(limit: int) -> list[dict]:
    with psycopg.connect(DSN) as conn:
        rows = conn.execute("SELECT id, policy_id, amount_cents FROM claims WHERE closed_at IS NULL LIMIT %s", (limit,)).fetchall()
    return [{"id": r[0], "policy_id": r[1], "amount_cents": r[2]} for r in rows]
