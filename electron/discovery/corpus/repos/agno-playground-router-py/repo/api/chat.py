"""OpenAI-compatible endpoint so internal tools can call the research team like a model."""
import time

from fastapi import APIRouter
from pydantic import BaseModel

from teams.research import research_team

router = APIRouter()


class ChatMessage(BaseModel):
    role: str
    content: str


class ChatRequest(BaseModel):
    model: str
    messages: list[ChatMessage]


@router.post("/v1/chat/completions")
def chat_completions(request: ChatRequest):
    prompt = "\n".join(message.content for message in request.messages if message.role == "user")
    response = research_team.run(prompt)
    return {
        "id": f"chatcmpl-{int(time.time() * 1000)}",
        "object": "chat.completion",
        "model": request.model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": response.content}, "finish_reason": "stop"}],
    }
