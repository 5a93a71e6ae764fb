import os

import psycopg
from pydantic import BaseModel
from pydantic_ai import Agent


class Screening(BaseModel):
    dispute_id: str
    likely_fraud: bool
    evidence_to_gather: list[str]
    summary: str


screener = Agent(
    "anthropic:claude-sonnet-4-5",
    instructions="Screen a new card dispute: look up the charge, judge whether it is likely fraud, and list the evidence to gather.",
    output_type=Screening,
)


@screener.tool_plain
def charge_history(customer_id: str) -> str:
    """The customer's last ten charges and their dispute outcomes."""
    with psycopg.connect(os.environ["LEDGER_DSN"]) as conn:
        rows = conn.execute(
            "SELECT id, amount_cents, disputed, outcome FROM charges WHERE customer_id = %s ORDER BY created_at DESC LIMIT 10",
            (customer_id,),
        ).fetchall()
    return "\n".join(str(row) for row in rows)


async def screen(dispute: dict) -> Screening:
    result = await screener.run(f"Dispute {dispute['id']} on charge {dispute['charge']} for customer {dispute.get('customer')}: reason {dispute.get('reason')}")
    return result.output
