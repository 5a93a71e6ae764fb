"""Nightly: file every statement in the inbox with a Claude tool loop."""
import json
import logging

import anthropic

from clerk.documents import file_document, list_inbox, read_document

log = logging.getLogger("statement-filer")

TOOLS = [
    {
        "name": "read_document",
        "description": "Return the text of one PDF in the inbox.",
        "input_schema": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]},
    },
    {
        "name": "file_document",
        "description": "Move a PDF from the inbox to the archive under its merchant and period (YYYY-MM).",
        "input_schema": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "merchant_id": {"type": "string", "pattern": "^m_[0-9]{6}$"},
                "period": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"},
                "doc_type": {"type": "string", "enum": ["bank-statement", "merchant-statement", "invoice"]},
            },
            "required": ["name", "merchant_id", "period", "doc_type"],
        },
    },
]

HANDLERS = {"read_document": read_document, "file_document": file_document}


def file_inbox(client: anthropic.Anthropic) -> None:
    messages = [{"role": "user", "content": f"File these documents: {json.dumps(list_inbox())}"}]
    for _ in range(40):
        response = client.messages.create(
            model="claude-3-5-sonnet-20241022",
            max_tokens=2_048,
            system="You file financial statements for Northwind Pay. Leave a document in the inbox if you are unsure.",
            tools=TOOLS,
            messages=messages,
        )
        messages.append({"role": "assistant", "content": response.content})
        if response.stop_reason != "tool_use":
            break
        results = []
        for block in response.content:
            if block.type == "tool_use":
                output = HANDLERS[block.name](**block.input)
                results.append({"type": "tool_result", "tool_use_id": block.id, "content": output})
        messages.append({"role": "user", "content": results})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    file_inbox(anthropic.Anthropic())
