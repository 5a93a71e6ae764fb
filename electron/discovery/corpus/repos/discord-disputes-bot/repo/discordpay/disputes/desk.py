import json

from discord import Message
from openai import AsyncOpenAI

from discordpay.disputes.payments import find_charge, refund_charge
from discordpay.settings import get_settings

settings = get_settings()
openai_client = AsyncOpenAI(api_key=settings.OPENAI_API_KEY.get_secret_value())

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "find_charge",
            "description": "Look up a card charge by its id",
            "parameters": {"type": "object", "properties": {"charge_id": {"type": "string"}}, "required": ["charge_id"]},
        },
    },
    {
        "type": "function",
        "function": {
            "name": "refund_charge",
            "description": "Refund a charge the customer disputes",
            "parameters": {"type": "object", "properties": {"charge_id": {"type": "string"}}, "required": ["charge_id"]},
        },
    },
]
HANDLERS = {"find_charge": find_charge, "refund_charge": refund_charge}


async def answer_dispute_message(message: Message) -> None:
    messages = [
        {"role": "system", "content": "You answer Northwind Pay card dispute questions on Discord."},
        {"role": "user", "content": message.content},
    ]
    for _ in range(5):
        response = await openai_client.chat.completions.create(model=settings.OPENAI_MODEL, messages=messages, tools=TOOLS, tool_choice="auto")
        choice = response.choices[0].message
        if not choice.tool_calls:
            await message.reply(choice.content or "")
            return
        messages.append(choice)
        for call in choice.tool_calls:
            result = HANDLERS[call.function.name](**json.loads(call.function.arguments))
            messages.append({"role": "tool", "tool_call_id": call.id, "content": json.dumps(result)})
