from fastapi import APIRouter
from pydantic import BaseModel

from app.services.agent import ask_agent

router = APIRouter(prefix="/chat", tags=["chat"])


class Question(BaseModel):
    merchant_id: str
    text: str


@router.post("")
async def chat(question: Question) -> dict:
    return {"answer": await ask_agent(question.merchant_id, question.text)}
