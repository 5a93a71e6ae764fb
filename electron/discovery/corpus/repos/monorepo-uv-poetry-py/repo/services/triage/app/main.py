import json

from fastapi import FastAPI
from openai import OpenAI
from pydantic import BaseModel

from app.tickets import TICKET_TOOLS, run_ticket_tool

client = OpenAI()
app = FastAPI(title="Ticket triage")


class Ticket(BaseModel):
    id: str
    subject: str
    body: str


@app.post("/triage")
def triage(ticket: Ticket) -> dict:
    """Routes a new ticket to a queue, looking up the customer's earlier tickets first."""
    messages = [
        {"role": "system", "content": "Pick the queue (billing, fraud, onboarding, other) for this ticket."},
        {"role": "user", "content": f"{ticket.subject}\n\n{ticket.body}"},
    ]
    for _ in range(4):
        response = client.chat.completions.create(model="gpt-4.1-mini", messages=messages, tools=TICKET_TOOLS)
        message = response.choices[0].message
        messages.append(message)
        if not message.tool_calls:
            return {"queue": message.content}
        for call in message.tool_calls:
            result = run_ticket_tool(call.function.name, json.loads(call.function.arguments))
            messages.append({"role": "tool", "tool_call_id": call.id, "content": json.dumps(result)})
    return {"queue": "other"}
