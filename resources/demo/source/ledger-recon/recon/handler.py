"""Lambda entry point: one tool-calling conversation per settlement account, for yesterday."""
import datetime as dt
import logging

from openai import OpenAI

from recon.tools import TOOL_SPECS, run_tool

log = logging.getLogger()
client = OpenAI()
ACCOUNTS = ["DE89-OPERATING-EUR", "DE44-SETTLEMENT-EUR", "GB29-SETTLEMENT-GBP"]
MAX_TURNS = 25

SYSTEM = (
    "You reconcile Northwind Pay bank statement lines with ledger entries. Match lines to entries by amount, "
    "counterparty and reference. When a pair differs only by rounding or bank fees under 5.00 EUR, book an "
    "adjustment. Open an exception for anything else. Finish with a one-line summary."
)


def reconcile(account: str, value_date: str) -> str:
    messages = [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Account {account}, value date {value_date}."},
    ]
    for _ in range(MAX_TURNS):
        response = client.chat.completions.create(
            model="gpt-4o",
            messages=messages,
            tools=TOOL_SPECS,
            temperature=0,
            max_tokens=2_000,
        )
        message = response.choices[0].message
        messages.append(message)
        if not message.tool_calls:
            return message.content or ""
        for call in message.tool_calls:
            messages.append({"role": "tool", "tool_call_id": call.id, "content": run_tool(call.function.name, call.function.arguments)})
    return "stopped after the turn limit"


def handler(event, context):
    value_date = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    summaries = {account: reconcile(account, value_date) for account in ACCOUNTS}
    log.info("reconciliation %s: %s", value_date, summaries)
    return {"value_date": value_date, "accounts": summaries}
