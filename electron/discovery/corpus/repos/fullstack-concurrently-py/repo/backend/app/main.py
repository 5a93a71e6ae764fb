from fastapi import FastAPI
from pydantic import BaseModel

from app.assistant import payout_assistant

app = FastAPI(title="Payout assistant")


class Question(BaseModel):
    merchant_id: str
    text: str


@app.post("/ask")
async def ask(question: Question) -> dict:
    """A merchant asks about a delayed payout; the assistant may text the merchant's owner."""
    result = await payout_assistant.run(question.text, deps=question.merchant_id)
    return {"answer": result.data}
