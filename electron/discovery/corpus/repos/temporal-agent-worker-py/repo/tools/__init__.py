from .charges import get_charge, refund_charge

TOOL_DEFINITIONS = [
    {
        "type": "function",
        "name": "get_charge",
        "description": "Look a charge up by id.",
        "parameters": {"type": "object", "properties": {"charge_id": {"type": "string"}}, "required": ["charge_id"], "additionalProperties": False},
        "strict": True,
    },
    {
        "type": "function",
        "name": "refund_charge",
        "description": "Refund a charge, fully or in part.",
        "parameters": {
            "type": "object",
            "properties": {"charge_id": {"type": "string"}, "amount_cents": {"type": "integer"}},
            "required": ["charge_id", "amount_cents"],
            "additionalProperties": False,
        },
        "strict": True,
    },
]

HANDLERS = {"get_charge": get_charge, "refund_charge": refund_charge}
