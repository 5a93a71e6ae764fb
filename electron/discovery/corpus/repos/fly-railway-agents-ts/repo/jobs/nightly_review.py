"""Nightly review of flagged payouts: an OpenAI Agents SDK agent that may hold a payout."""
import os

import psycopg
from agents import Agent, Runner, function_tool


@function_tool
def hold_payout(payout_id: str, reason: str) -> str:
    """Put a payout on hold for the risk team."""
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        conn.execute("UPDATE payouts SET status = 'held', hold_reason = %s WHERE id = %s", (reason, payout_id))
    return "held"


reviewer = Agent(name="Payout reviewer", instructions="Review yesterday's flagged payouts; hold the suspicious ones.", model="gpt-4.1", tools=[hold_payout])

if __name__ == "__main__":
    Runner.run_sync(reviewer, "Review the flagged payouts.")
