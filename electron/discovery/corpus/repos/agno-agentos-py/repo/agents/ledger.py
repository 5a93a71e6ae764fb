import os

import psycopg
from agno.agent import Agent
from agno.models.openai import OpenAIChat
from agno.tools import tool


@tool
def merchant_balance(merchant_id: str) -> str:
    """Current available balance of a merchant, in cents."""
    with psycopg.connect(os.environ["LEDGER_DSN"]) as conn:
        row = conn.execute("SELECT available_cents FROM balances WHERE merchant_id = %s", (merchant_id,)).fetchone()
    return str(row[0] if row else 0)


ledger_agent = Agent(
    name="Ledger Agent",
    model=OpenAIChat(id="gpt-4.1-mini"),
    instructions=["Answer balance questions from the ledger only."],
    tools=[merchant_balance],
    markdown=True,
)
