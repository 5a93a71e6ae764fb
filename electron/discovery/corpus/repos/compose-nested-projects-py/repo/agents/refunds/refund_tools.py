import stripe

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


def run_tool(name: str, args: dict) -> dict:
    if name == "refund_charge":
        refund = stripe.Refund.create(charge=args["charge_id"])
        return {"refund": refund.id, "status": refund.status}
    return {"error": f"unknown tool {name}"}
