import csv
import io
import json
import os
from decimal import Decimal

import boto3

from recon.ledger import connect

s3 = boto3.client("s3")
MAX_ADJUSTMENT = Decimal(os.environ.get("MAX_ADJUSTMENT_EUR", "5.00"))

TOOL_SPECS = [
    {
        "type": "function",
        "function": {
            "name": "statement_lines",
            "description": "Bank statement lines for one account and value date.",
            "parameters": {
                "type": "object",
                "properties": {"account": {"type": "string"}, "value_date": {"type": "string", "format": "date"}},
                "required": ["account", "value_date"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "ledger_entries",
            "description": "Unreconciled ledger entries for one account and value date.",
            "parameters": {
                "type": "object",
                "properties": {"account": {"type": "string"}, "value_date": {"type": "string", "format": "date"}},
                "required": ["account", "value_date"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "book_adjustment",
            "description": "Book an adjusting ledger entry (at most 5.00 EUR) and mark the pair reconciled.",
            "parameters": {
                "type": "object",
                "properties": {
                    "statement_line_id": {"type": "string"},
                    "entry_id": {"type": "integer"},
                    "amount": {"type": "string"},
                    "reason": {"type": "string"},
                },
                "required": ["statement_line_id", "entry_id", "amount", "reason"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "open_exception",
            "description": "Open a reconciliation exception for the finance team.",
            "parameters": {
                "type": "object",
                "properties": {"statement_line_id": {"type": "string"}, "note": {"type": "string"}},
                "required": ["statement_line_id", "note"],
            },
        },
    },
]


def statement_lines(account: str, value_date: str) -> list[dict]:
    obj = s3.get_object(Bucket=os.environ["STATEMENTS_BUCKET"], Key=f"camt053/{account}/{value_date}.csv")
    return list(csv.DictReader(io.StringIO(obj["Body"].read().decode("utf-8"))))


def ledger_entries(account: str, value_date: str) -> list[dict]:
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT id, amount, currency, counterparty, reference FROM ledger_entries "
            "WHERE account = %s AND value_date = %s AND reconciled_at IS NULL",
            (account, value_date),
        )
        return [{"id": r[0], "amount": str(r[1]), "currency": r[2], "counterparty": r[3], "reference": r[4]} for r in cur.fetchall()]


def book_adjustment(statement_line_id: str, entry_id: int, amount: str, reason: str) -> str:
    value = Decimal(amount)
    if abs(value) > MAX_ADJUSTMENT:
        return "Refused: adjustments above 5.00 EUR go to an exception."
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO ledger_entries (account, amount, currency, kind, reference, booked_by) "
            "SELECT account, %s, currency, 'recon-adjustment', %s, 'nightly-recon-agent' FROM ledger_entries WHERE id = %s",
            (value, reason, entry_id),
        )
        cur.execute(
            "UPDATE ledger_entries SET reconciled_at = now(), statement_line_id = %s WHERE id = %s",
            (statement_line_id, entry_id),
        )
    return "booked"


def open_exception(statement_line_id: str, note: str) -> str:
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO recon_exceptions (statement_line_id, note, opened_by) VALUES (%s, %s, 'nightly-recon-agent')",
            (statement_line_id, note),
        )
    return "opened"


HANDLERS = {
    "statement_lines": statement_lines,
    "ledger_entries": ledger_entries,
    "book_adjustment": book_adjustment,
    "open_exception": open_exception,
}


def run_tool(name: str, arguments: str) -> str:
    handler = HANDLERS.get(name)
    if handler is None:
        return f"unknown tool {name}"
    return json.dumps(handler(**json.loads(arguments)), default=str)
