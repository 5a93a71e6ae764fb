"""Works through refund requests small enough to settle without a person, one Claude turn loop per request."""
import json
import os
import time

import anthropic
import psycopg
import stripe

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]
client = anthropic.Anthropic()
TOOLS = [
    {
        "name": "refund_charge",
        "description": "Refund a Stripe charge, in part or in full",
        "input_schema": {"type": "object", "properties": {"charge_id": {"type": "string"}, "amount_cents": {"type": "integer"}}, "required": ["charge_id", "amount_cents"]},
    }
]


def refund_charge(charge_id: str, amount_cents: int) -> dict:
    return stripe.Refund.create(charge=charge_id, amount=amount_cents)


while True:
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        requests = conn.execute("SELECT id, charge_id, amount_cents, reason FROM refund_requests WHERE state = 'new' AND amount_cents < 5000").fetchall()
    for request_id, charge_id, amount_cents, reason in requests:
        messages = [{"role": "user", "content": f"Refund request {request_id} for charge {charge_id} ({amount_cents} cents): {reason}"}]
        while True:
            reply = client.messages.create(model="claude-sonnet-4-5", max_tokens=800, tools=TOOLS, messages=messages)
            messages.append({"role": "assistant", "content": reply.content})
            if reply.stop_reason != "tool_use":
                break
            results = [{"type": "tool_result", "tool_use_id": b.id, "content": json.dumps(refund_charge(**b.input))} for b in reply.content if b.type == "tool_use"]
            messages.append({"role": "user", "content": results})
    time.sleep(300)
