from decimal import Decimal

from langchain_core.tools import tool

from agent.db import connect

GOODWILL_LIMIT_CENTS = 2_000
ALLOWED_STATUSES = {"open", "pending_customer", "pending_merchant", "resolved"}


@tool
def lookup_ticket(ticket_id: int) -> dict:
    """Fetch a support ticket with the customer's five most recent card transactions."""
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT id, customer_id, subject, body, status FROM support_tickets WHERE id = %s",
            (ticket_id,),
        )
        ticket = cur.fetchone()
        if ticket is None:
            return {"error": f"no ticket {ticket_id}"}
        cur.execute(
            "SELECT reference, amount_cents, currency, merchant_name, state, created_at "
            "FROM card_transactions WHERE customer_id = %s ORDER BY created_at DESC LIMIT 5",
            (ticket[1],),
        )
        transactions = [
            {"reference": r[0], "amount": str(Decimal(r[1]) / 100), "currency": r[2], "merchant": r[3], "state": r[4]}
            for r in cur.fetchall()
        ]
    return {"id": ticket[0], "subject": ticket[2], "body": ticket[3], "status": ticket[4], "transactions": transactions}


@tool
def update_ticket_status(ticket_id: int, status: str, note: str) -> str:
    """Move a ticket to a new status and leave an internal note explaining why."""
    if status not in ALLOWED_STATUSES:
        return f"Refused: status must be one of {sorted(ALLOWED_STATUSES)}"
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "UPDATE support_tickets SET status = %s, updated_at = now() WHERE id = %s",
            (status, ticket_id),
        )
        cur.execute(
            "INSERT INTO ticket_notes (ticket_id, author, body) VALUES (%s, 'support-agent', %s)",
            (ticket_id, note),
        )
    return f"Ticket {ticket_id} is now {status}"


@tool
def issue_goodwill_credit(customer_id: int, amount_cents: int, reason: str) -> str:
    """Credit a customer's wallet (at most 20 EUR) to apologise for a failure on our side."""
    if amount_cents <= 0 or amount_cents > GOODWILL_LIMIT_CENTS:
        return "Refused: goodwill credits are between 0.01 and 20.00 EUR"
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO wallet_credits (customer_id, amount_cents, currency, reason, created_by) "
            "VALUES (%s, %s, 'EUR', %s, 'support-agent')",
            (customer_id, amount_cents, reason),
        )
    return f"Credited {amount_cents / 100:.2f} EUR to customer {customer_id}"


TOOLS = [lookup_ticket, update_ticket_status, issue_goodwill_credit]
