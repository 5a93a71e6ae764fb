"""The invoice copilot's agent: a LangGraph ReAct agent served over HTTP for the web app."""
import os

import psycopg
from fastapi import FastAPI
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
from pydantic import BaseModel

DATABASE_URL = os.environ["DATABASE_URL"]


@tool
def overdue_invoices(customer_id: str) -> list[dict]:
    """Overdue invoices of a customer, oldest first."""
    with psycopg.connect(DATABASE_URL) as conn:
        rows = conn.execute(
            "SELECT number, amount_cents, due_on FROM invoices WHERE customer_id = %s AND paid_at IS NULL AND due_on < now() ORDER BY due_on",
            (customer_id,),
        ).fetchall()
    return [{"number": n, "amount_cents": a, "due_on": d.isoformat()} for n, a, d in rows]


graph = create_react_agent(ChatOpenAI(model="gpt-4.1"), tools=[overdue_invoices], prompt="You help account managers chase overdue invoices.")
app = FastAPI()


class Ask(BaseModel):
    question: str


@app.post("/copilot")
async def copilot(ask: Ask) -> dict:
    state = await graph.ainvoke({"messages": [("user", ask.question)]})
    return {"answer": state["messages"][-1].content}
