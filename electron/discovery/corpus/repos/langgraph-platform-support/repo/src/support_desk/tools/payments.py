import os

import psycopg
import stripe
from langchain_core.tools import tool

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]


@tool
def lookup_invoice(merchant_id: str, invoice_number: str) -> dict:
    """Return an invoice's lines, total and the charges made for it."""
    with psycopg.connect(os.environ["SUPPORT_DB_URL"]) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT line, amount_cents, charge_id FROM invoice_lines WHERE merchant_id = %s AND invoice_number = %s",
            (merchant_id, invoice_number),
        )
        lines = [{"line": r[0], "amount_cents": r[1], "charge_id": r[2]} for r in cur.fetchall()]
    return {"invoice": invoice_number, "lines": lines, "total_cents": sum(l["amount_cents"] for l in lines)}


@tool
def refund_duplicate_charge(charge_id: str, amount_cents: int) -> str:
    """Refund a charge that was taken twice. Only for duplicates, up to the charge amount."""
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents, reason="duplicate")
    return f"refund {refund.id}: {refund.status}"
