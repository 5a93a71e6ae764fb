from .disputes import add_case_note, get_dispute

TOOL_SCHEMAS = [
    {
        "type": "function",
        "function": {
            "name": "get_dispute",
            "description": "Read one dispute by id.",
            "parameters": {"type": "object", "properties": {"dispute_id": {"type": "string"}}, "required": ["dispute_id"]},
        },
    },
    {
        "type": "function",
        "function": {
            "name": "add_case_note",
            "description": "Append an analyst note to a dispute case.",
            "parameters": {
                "type": "object",
                "properties": {"dispute_id": {"type": "string"}, "note": {"type": "string"}},
                "required": ["dispute_id", "note"],
            },
        },
    },
]

HANDLERS = {"get_dispute": get_dispute, "add_case_note": add_case_note}
