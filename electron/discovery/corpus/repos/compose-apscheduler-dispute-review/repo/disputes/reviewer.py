import os

import psycopg
from agents import Agent, Runner, function_tool


@function_tool
def list_open_disputes(limit: int = 20) -> list[dict]:
    """Open card disputes older than two days, oldest first."""
    with psycopg.connect(os.environ["DISPUTES_DATABASE_URL"]) as conn:
        rows = conn.execute(
            "SELECT id, merchant, amount_cents, opened_at FROM disputes WHERE status = 'open' AND opened_at < now() - interval '2 days' ORDER BY opened_at LIMIT %s",
            (limit,),
        ).fetchall()
    return [{"id": r[0], "merchant": r[1], "amount_cents": r[2], "opened_at": r[3].isoformat()} for r in rows]


reviewer = Agent(
    name="Dispute reviewer",
    model="gpt-4.1-mini",
    instructions="Summarise the open disputes for the chargeback team and flag the ones near their deadline.",
    tools=[list_open_disputes],
)


async def review_open_disputes() -> str:
    result = await Runner.run(reviewer, "Review today's open disputes.")
    return result.final_output
