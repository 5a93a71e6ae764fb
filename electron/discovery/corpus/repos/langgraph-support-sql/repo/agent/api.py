from fastapi import FastAPI
from pydantic import BaseModel, Field

from agent.graph import build_graph

app = FastAPI(title="support-assistant")
graph = build_graph()


class AssistRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2_000)


@app.post("/tickets/{ticket_id}/assist")
def assist(ticket_id: int, request: AssistRequest) -> dict:
    result = graph.invoke(
        {"messages": [("user", f"Ticket {ticket_id}: {request.question}")]},
        config={"recursion_limit": 8, "tags": ["support-assistant-api"]},
    )
    return {"answer": result["messages"][-1].content}


@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True}
