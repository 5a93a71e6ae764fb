"""Works the refund request queue: the model checks a charge and refunds it when policy allows."""
import json
import os
import time

import stripe
from openai import OpenAI

from refund_tools import TOOLS, run_tool

client = OpenAI()
stripe.api_key = os.environ["STRIPE_API_KEY"]


def handle(request: dict) -> str:
    messages = [
        {"role": "system", "content": "Refund a card charge only when the request matches our refund policy."},
        {"role": "user", "content": json.dumps(request)},
    ]
    for _ in range(6):
        response = client.chat.completions.create(model="gpt-4.1", messages=messages, tools=TOOLS)
        message = response.choices[0].message
        if not message.tool_calls:
            return message.content or ""
        messages.append(message)
        for call in message.tool_calls:
            result = run_tool(call.function.name, json.loads(call.function.arguments))
            messages.append({"role": "tool", "tool_call_id": call.id, "content": json.dumps(result)})
    return "gave up"


if __name__ == "__main__":
    while True:
        for request in stripe.Charge.search(query="metadata['refund_requested']:'yes'").auto_paging_iter():
            print(handle({"charge": request.id, "amount": request.amount}))
        time.sleep(60)
