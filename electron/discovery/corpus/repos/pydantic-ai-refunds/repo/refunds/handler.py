import asyncio
import os

import asyncpg
import stripe

from refunds.agent import RefundDeps, refund_agent

stripe.api_key = os.environ["STRIPE_API_KEY"]


async def process_batch(limit: int = 25) -> list[dict]:
    db = await asyncpg.connect(os.environ["DISPUTES_DB_DSN"])
    try:
        dispute_ids = [
            r["id"]
            for r in await db.fetch(
                "SELECT id FROM disputes WHERE status = 'refund_likely' ORDER BY opened_at LIMIT $1", limit
            )
        ]
        decisions = []
        for dispute_id in dispute_ids:
            result = await refund_agent.run("Decide this dispute.", deps=RefundDeps(db=db, dispute_id=dispute_id))
            decisions.append({"dispute": dispute_id, **result.data.model_dump()})
        return decisions
    finally:
        await db.close()


def run(event, context):
    return {"decisions": asyncio.run(process_batch())}
