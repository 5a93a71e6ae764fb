from fastapi import FastAPI
from pydantic import BaseModel

from support_agent.graph import graph

app = FastAPI(title="Merchant support agent")


class Question(BaseModel):
    merchant_id: str
    text: str


@app.post("/ask")
async def ask(question: Question) -> dict:
    result = await graph.ainvoke({"messages": [("user", f"Merchant {question.merchant_id}: {question.text}")]})
    return {"answer": result["messages"][-1].content}
