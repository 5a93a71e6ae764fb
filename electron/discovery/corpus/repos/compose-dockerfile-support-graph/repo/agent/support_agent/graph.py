"""The support graph: a ReAct agent that answers merchants from their account data."""
import os

import psycopg
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent

DATABASE_URL = os.environ["SUPPORT_DATABASE_URL"]


@tool
def merchant_payouts(merchant_id: str) -> list[dict]:
    """The merchant's last ten payouts and their status."""
    with psycopg.connect(DATABASE_URL) as conn:
        rows = conn.execute("SELECT id, amount_cents, status FROM payouts WHERE merchant_id = %s ORDER BY created_at DESC LIMIT 10", (merchant_id,)).fetchall()
    return [{"id": r[0], "amount_cents": r[1], "status": r[2]} for r in rows]


graph = create_react_agent(ChatOpenAI(model="gpt-4.1"), [merchant_payouts], prompt="You are Northwind Pay's merchant support agent.")
