import os
from decimal import Decimal

import boto3
import httpx
import stripe
from agents import function_tool

from disputes.db import connect

stripe.api_key = os.environ.get("STRIPE_API_KEY")
s3 = boto3.client("s3")
AUTO_REFUND_LIMIT_CENTS = int(os.environ.get("AUTO_REFUND_LIMIT_CENTS", "20000"))


@function_tool
def dispute_details(dispute_id: str) -> dict:
    """The dispute, the merchant's answer if any, and the original card transaction."""
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT d.reason_code, d.opened_at, d.merchant_response, t.reference, t.amount_cents, t.currency, "
            "t.merchant_name, t.stripe_charge_id FROM disputes d JOIN transactions t ON t.id = d.transaction_id "
            "WHERE d.id = %s",
            (dispute_id,),
        )
        row = cur.fetchone()
    if row is None:
        return {"error": f"no dispute {dispute_id}"}
    keys = ["reason_code", "opened_at", "merchant_response", "reference", "amount_cents", "currency", "merchant", "charge"]
    return dict(zip(keys, [str(v) if isinstance(v, Decimal) else v for v in row]))


@function_tool
def issue_refund(dispute_id: str, stripe_charge_id: str, amount_cents: int, reason: str) -> str:
    """Refund the cardholder through Stripe. Above 200 EUR the refund is queued for Payments Ops instead."""
    with connect() as conn, conn.cursor() as cur:
        if amount_cents > AUTO_REFUND_LIMIT_CENTS:
            cur.execute(
                "INSERT INTO refund_reviews (dispute_id, amount_cents, reason, requested_by) VALUES (%s, %s, %s, 'disputes-agent')",
                (dispute_id, amount_cents, reason),
            )
            return "queued for Payments Ops review"
        refund = stripe.Refund.create(
            charge=stripe_charge_id,
            amount=amount_cents,
            reason="requested_by_customer",
            metadata={"dispute_id": dispute_id, "decided_by": "disputes-agent"},
            idempotency_key=f"dispute-refund-{dispute_id}",
        )
        cur.execute(
            "UPDATE disputes SET status = 'refunded', stripe_refund_id = %s, resolved_at = now() WHERE id = %s",
            (refund.id, dispute_id),
        )
    return f"refund {refund.id} {refund.status}"


@function_tool
def ticket_thread(ticket_id: int) -> list[dict]:
    """What the cardholder wrote on the Zendesk ticket: the dispute in their own words, and any reply since."""
    response = httpx.get(
        f"https://northwindpay.zendesk.example/api/v2/tickets/{ticket_id}/comments.json",
        auth=("disputes-bot@northwindpay.example/token", os.environ["ZENDESK_API_TOKEN"]),
        timeout=15,
    )
    response.raise_for_status()
    return [{"author": c["author_id"], "public": c["public"], "body": c["body"]} for c in response.json()["comments"]]


@function_tool
def comment_on_ticket(ticket_id: int, body: str, public: bool = False) -> str:
    """Add a comment to the Zendesk ticket; public comments are emailed to the cardholder."""
    response = httpx.put(
        f"https://northwindpay.zendesk.example/api/v2/tickets/{ticket_id}.json",
        json={"ticket": {"comment": {"body": body, "public": public}}},
        auth=("disputes-bot@northwindpay.example/token", os.environ["ZENDESK_API_TOKEN"]),
        timeout=15,
    )
    response.raise_for_status()
    return "commented"


@function_tool
def receipts_for(transaction_reference: str) -> list[dict]:
    """Receipts and delivery confirmations the merchant uploaded for one transaction."""
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT kind, s3_key, uploaded_at FROM merchant_documents WHERE transaction_reference = %s ORDER BY uploaded_at",
            (transaction_reference,),
        )
        return [{"kind": kind, "key": key, "uploaded_at": at.isoformat()} for kind, key, at in cur.fetchall()]


@function_tool
def file_evidence(dispute_id: str, summary: str, document_keys: list[str]) -> str:
    """Store the evidence pack for the card network's representment."""
    s3.put_object(
        Bucket=os.environ["EVIDENCE_BUCKET"],
        Key=f"{dispute_id}/evidence.txt",
        Body="\n".join([summary, "", *document_keys]).encode(),
        ServerSideEncryption="aws:kms",
    )
    return f"s3://{os.environ['EVIDENCE_BUCKET']}/{dispute_id}/evidence.txt"
