import os

import psycopg
from autogen_core.tools import FunctionTool


def look_up_payment(payment_id: str) -> str:
    """Amount, currency and status of a payment."""
    with psycopg.connect(os.environ["PAYMENTS_DATABASE_URL"]) as conn:
        row = conn.execute("select amount_minor, currency, status from payments where id = %s", (payment_id,)).fetchone()
    return repr(row)


def issue_refund(payment_id: str, amount_minor: int) -> str:
    """Refund part or all of a payment."""
    with psycopg.connect(os.environ["PAYMENTS_DATABASE_URL"]) as conn:
        conn.execute("insert into refunds (payment_id, amount_minor, requested_by) values (%s, %s, 'refund-desk')", (payment_id, amount_minor))
    return "refund queued"


look_up_payment_tool = FunctionTool(look_up_payment, description="Look up a payment by id.")
issue_refund_tool = FunctionTool(issue_refund, description="Refund a payment.")
