import json
import os

import psycopg
from openai import OpenAI

client = OpenAI()
DSN = os.environ["CLAIMS_DATABASE_URL"]

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "claims_closed_in_week",
            "description": "Claims closed in an ISO week",
            "parameters": {"type": "object", "properties": {"week": {"type": "string"}}, "required": ["week"]},
        },
    }
]


def closed_in_week(week: str) -> str:
    with psycopg.connect(DSN) as conn:
        rows = conn.execute("SELECT id, amount_cents, outcome FROM claims WHERE closed_week = %s", (week,)).fetchall()
    return json.dumps(rows, default=str)


def draft_report(week: str) -> str:
    messages = [{"role": "user", "content": f"Write the claims report for {week}."}]
    while True:
        response = client.chat.completions.create(model="gpt-4.1", messages=messages, tools=TOOLS)
        message = response.choices[0].message
        if not message.tool_calls:
            return message.content or ""
        messages.append(message)
        for call in message.tool_calls:
            args = json.loads(call.function.arguments)
            messages.append({"role": "tool", "tool_call_id": call.id, "content": closed_in_week(args["week"])})
