from dataclasses import dataclass
from typing import Literal

import asyncpg
import stripe
from pydantic import BaseModel, Field
from pydantic_ai import Agent, RunContext

APPROVAL_THRESHOLD_CENTS = 25_000


@dataclass
class RefundDeps:
    db: asyncpg.Connection
    dispute_id: str


class RefundDecision(BaseModel):
    action: Literal["refunded", "queued_for_approval", "declined"]
    amount_cents: int = Field(ge=0)
    reason: str = Field(max_length=500)


refund_agent = Agent(
    "openai:gpt-4o",
    deps_type=RefundDeps,
    result_type=RefundDecision,
    system_prompt=(
        "You decide refunds for Northwind Pay card disputes. Refund only when the merchant has not "
        "answered within 7 days or admits the error. Never refund more than the original charge."
    ),
)


@refund_agent.tool
async def dispute_details(ctx: RunContext[RefundDeps]) -> dict:
    """The dispute, the merchant's response (if any) and the original charge."""
    row = await ctx.deps.db.fetchrow(
        "SELECT d.reason, d.opened_at, d.merchant_response, c.stripe_charge_id, c.amount_cents, c.currency "
        "FROM disputes d JOIN charges c ON c.id = d.charge_id WHERE d.id = $1",
        ctx.deps.dispute_id,
    )
    return dict(row)


@refund_agent.tool
async def issue_refund(ctx: RunContext[RefundDeps], stripe_charge_id: str, amount_cents: int, reason: str) -> str:
    """Refund the customer through Stripe, or queue the refund for a person above 250 EUR."""
    if amount_cents > APPROVAL_THRESHOLD_CENTS:
        await ctx.deps.db.execute(
            "INSERT INTO refund_approvals (dispute_id, amount_cents, reason) VALUES ($1, $2, $3)",
            ctx.deps.dispute_id, amount_cents, reason,
        )
        return "queued for approval"
    refund = stripe.Refund.create(
        charge=stripe_charge_id,
        amount=amount_cents,
        reason="requested_by_customer",
        metadata={"dispute_id": ctx.deps.dispute_id, "decided_by": "refund-agent"},
        idempotency_key=f"dispute-{ctx.deps.dispute_id}",
    )
    await ctx.deps.db.execute(
        "UPDATE disputes SET status = 'refunded', stripe_refund_id = $2 WHERE id = $1",
        ctx.deps.dispute_id, refund.id,
    )
    return f"refund {refund.id} {refund.status}"
