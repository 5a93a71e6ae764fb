from dataclasses import dataclass
from typing import Any

from openai import AsyncOpenAI
from temporalio import activity


@dataclass
class ModelRequest:
    instructions: str
    input: list[dict[str, Any]]
    tools: list[dict[str, Any]]


@activity.defn
async def respond(request: ModelRequest):
    # Temporal retries the activity; the client must not retry on its own.
    client = AsyncOpenAI(max_retries=0)
    return await client.responses.create(
        model="gpt-4.1-mini",
        instructions=request.instructions,
        input=request.input,
        tools=request.tools,
    )
