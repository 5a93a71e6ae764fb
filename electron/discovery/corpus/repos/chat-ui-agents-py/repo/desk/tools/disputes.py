import os

import psycopg2

DSN = os.environ["DISPUTES_DATABASE_URL"]


def get_dispute(dispute_id: str) -> dict:
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute("SELECT id, merchant_id, amount_cents, status FROM disputes WHERE id = %s", (dispute_id,))
        row = cur.fetchone()
    return dict(zip(["id", "merchant_id", "amount_cents", "status"], row)) if row else {}


def add_case_note(dispute_id: str, note: str) -> dict:
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute("INSERT INTO case_notes (dispute_id, body) VALUES (%s, %s)", (dispute_id, note))
    return {"ok": True}
