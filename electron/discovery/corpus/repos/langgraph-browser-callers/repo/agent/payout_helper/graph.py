"""Answers merchants' payout questions in the support chat."""
import os

import psycopg
from langchain_core.tools import tool
from langgraph.prebuilt import create_react_agent


@tool
def payout_status(payout_id: str) -> str:
    """Status and expected arrival of a payout."""
    with psycopg.connect(os.environ["PAYOUTS_DSN"]) as conn:
        row = conn.execute("SELECT status, arrival_date FROM payouts WHERE id = %s", (payout_id,)).fetchone()
    return f"{row[0]} (arrives {row[1]})" if row else "unknown payout"


graph = create_react_agent("openai:gpt-4.1-mini", tools=[payout_status], prompt="Answer merchants' payout questions. Never promise dates you cannot see.")
