import json
import os

import psycopg
from openai import OpenAI
from slack_bolt import App

client = OpenAI()
# One Bolt app for the desk, its handlers below; server.py starts it (socket_mode.py in development).
app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "payout_status",
            "description": "The status of a merchant's latest payout",
            "parameters": {"type": "object", "properties": {"merchant_id": {"type": "string"}}, "required": ["merchant_id"]},
        },
    }
]


def payout_status(merchant_id: str) -> dict:
    with psycopg.connect(os.environ["PAYOUTS_DATABASE_URL"]) as conn:
        row = conn.execute("SELECT status, amount_cents, expected_at FROM payouts WHERE merchant_id = %s ORDER BY created_at DESC LIMIT 1", (merchant_id,)).fetchone()
    return {"status": row[0], "amount_cents": row[1], "expected_at": row[2].isoformat()} if row else {}


@app.event("app_mention")
def answer_mention(event, say):
    """Someone on the merchant-success team asks the bot about a payout in a channel."""
    messages = [
        {"role": "system", "content": "You answer questions about merchant payouts. Look payouts up before answering."},
        {"role": "user", "content": event["text"]},
    ]
    for _ in range(4):
        reply = client.chat.completions.create(model="gpt-4.1-mini", messages=messages, tools=TOOLS).choices[0].message
        messages.append(reply)
        if not reply.tool_calls:
            say(text=reply.content, thread_ts=event["ts"])
            return
        for call in reply.tool_calls:
            result = payout_status(**json.loads(call.function.arguments))
            messages.append({"role": "tool", "tool_call_id": call.id, "content": json.dumps(result)})
