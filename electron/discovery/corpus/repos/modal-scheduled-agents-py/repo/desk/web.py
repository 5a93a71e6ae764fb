"""Merchant help desk: a PydanticAI agent behind a FastAPI app served by Modal."""
import os

import modal
import psycopg
from fastapi import FastAPI
from pydantic import BaseModel
from pydantic_ai import Agent

app = modal.App("merchant-desk")
image = modal.Image.debian_slim().pip_install("pydantic-ai", "fastapi", "psycopg[binary]")
web = FastAPI()

desk = Agent("anthropic:claude-sonnet-4-5", system_prompt="Answer merchants' questions about their payouts.")


@desk.tool_plain
def payout_status(merchant_id: str) -> str:
    """The merchant's latest payout and its status."""
    with psycopg.connect(os.environ["PAYOUTS_DSN"]) as conn:
        row = conn.execute("SELECT amount_cents, status FROM payouts WHERE merchant_id = %s ORDER BY created_at DESC LIMIT 1", (merchant_id,)).fetchone()
    return str(row)


class Question(BaseModel):
    merchant_id: str
    text: str


@web.post("/ask")
async def ask(question: Question) -> dict:
    result = await desk.run(f"Merchant {question.merchant_id} asks: {question.text}")
    return {"answer": result.output}


@app.function(image=image, secrets=[modal.Secret.from_name("anthropic"), modal.Secret.from_name("payouts-db")])
@modal.asgi_app()
def serve():
    return web
