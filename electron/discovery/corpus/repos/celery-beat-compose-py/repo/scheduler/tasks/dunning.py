import os

import psycopg
from openai import OpenAI

from scheduler.celery_app import app

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

LETTER_PROMPT = (
    "You draft polite payment reminders for Northwind Pay merchants. "
    "Mention the invoice number, the amount due and the due date. No threats."
)


@app.task(name="scheduler.tasks.dunning.draft_dunning_letters")
def draft_dunning_letters(limit: int = 50) -> int:
    drafted = 0
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        rows = conn.execute(
            "SELECT id, merchant_name, amount_due, due_date FROM invoices "
            "WHERE status = 'overdue' AND reminder_draft IS NULL LIMIT %s",
            (limit,),
        ).fetchall()
        for invoice_id, merchant, amount, due in rows:
            reply = client.chat.completions.create(
                model="gpt-4o-mini",
                messages=[
                    {"role": "system", "content": LETTER_PROMPT},
                    {"role": "user", "content": f"Invoice {invoice_id} for {merchant}: {amount} EUR due {due}."},
                ],
            )
            conn.execute(
                "UPDATE invoices SET reminder_draft = %s WHERE id = %s",
                (reply.choices[0].message.content, invoice_id),
            )
            drafted += 1
    return drafted
