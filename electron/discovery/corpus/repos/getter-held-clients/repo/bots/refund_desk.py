"""Refund desk bot: the model looks a charge up and refunds it when the policy allows."""
import json
import os

import stripe
from openai import OpenAI

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "refund_charge",
            "description": "Refund a card charge in full",
            "parameters": {"type": "object", "properties": {"charge_id": {"type": "string"}}, "required": ["charge_id"]},
        },
    }
]


class RefundDesk:
    def __init__(self):
        stripe.api_key = os.environ["STRIPE_API_KEY"]

    @property
    def client(self):
        return OpenAI()

    def handle(self, request: str) -> str:
        messages = [{"role": "user", "content": request}]
        for _ in range(4):
            reply = self.client.chat.completions.create(model="gpt-4.1", messages=messages, tools=TOOLS)
            message = reply.choices[0].message
            if not message.tool_calls:
                return message.content or ""
            messages.append(message)
            for call in message.tool_calls:
                refund = stripe.Refund.create(charge=json.loads(call.function.arguments)["charge_id"])
                messages.append({"role": "tool", "tool_call_id": call.id, "content": refund.status})
        return "gave up"


if __name__ == "__main__":
    print(RefundDesk().handle(input("request> ")))
