import os

import psycopg
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent


@tool
def dispute_status(dispute_id: str) -> dict:
    """Return a card dispute's stage, deadline and the evidence already submitted."""
    with psycopg.connect(os.environ["DISPUTES_DB_URL"]) as conn, conn.cursor() as cur:
        cur.execute("SELECT stage, respond_by, evidence_count FROM disputes WHERE id = %s", (dispute_id,))
        stage, respond_by, evidence_count = cur.fetchone()
    return {"stage": stage, "respond_by": respond_by.isoformat(), "evidence_count": evidence_count}


graph = create_react_agent(
    ChatOpenAI(model="gpt-4.1-mini", temperature=0),
    tools=[dispute_status],
    prompt="You explain card disputes to merchants: what stage it is at, what evidence is still needed, and the deadline.",
)
