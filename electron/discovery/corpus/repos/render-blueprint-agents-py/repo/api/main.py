"""Merchant assistant API: a LangGraph ReAct agent answering questions about payouts."""
import os

import psycopg
from fastapi import FastAPI
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
from pydantic import BaseModel

app = FastAPI()


@tool
def payouts_for(merchant_id: str) -> list:
    """The merchant's payouts of the last 30 days."""
    with psycopg.connect(os.environ["LEDGER_DATABASE_URL"]) as conn:
        return conn.execute("SELECT id, amount_cents, status FROM payouts WHERE merchant_id = %s AND created_at > now() - interval '30 days'", (merchant_id,)).fetchall()


assistant = create_react_agent(ChatOpenAI(model="gpt-4.1-mini"), tools=[payouts_for])


class Question(BaseModel):
    merchant_id: str
    text: str


@app.get("/healthz")
def healthz():
    return {"ok": True}


@app.post("/ask")
def ask(question: Question):
    result = assistant.invoke({"messages": [("user", f"Merchant {question.merchant_id}: {question.text}")]})
    return {"answer": result["messages"][-1].content}
