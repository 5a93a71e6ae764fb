"""Example from the ADR-0142 write-up: an agent that proposes a descriptor and checks it."""
from openai import OpenAI

client = OpenAI()

tools = [
    {
        "type": "function",
        "function": {
            "name": "descriptor_length",
            "description": "Length of a candidate descriptor",
            "parameters": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
        },
    }
]

messages = [{"role": "user", "content": "Propose a descriptor for 'The Very Long Coffee Roasters Ltd'."}]
while True:
    response = client.chat.completions.create(model="gpt-4o-mini", messages=messages, tools=tools)
    message = response.choices[0].message
    messages.append(message)
    if not message.tool_calls:
        print(message.content)
        break
    for call in message.tool_calls:
        messages.append({"role": "tool", "tool_call_id": call.id, "content": str(len(call.function.arguments))})
