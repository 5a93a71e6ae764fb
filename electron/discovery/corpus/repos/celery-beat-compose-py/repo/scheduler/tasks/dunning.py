import psycopg
import requests

from scheduler.celery_app import app
from scheduler.settings import DATABASE_URL, GEMINI_API_KEY, GEMINI_BASE, GEMINI_MODEL, OPENAI_API_KEY, OPENAI_CHAT_URL, OPENAI_MODEL

LETTER_PROMPT = (
    "You draft polite payment reminders for Northwind Pay merchants. "
    "Mention the invoice number, the amount due and the due date. No threats."
)


def _draft_gemini(invoice_id, merchant, amount, due):
    url = f"{GEMINI_BASE}/models/{GEMINI_MODEL}:generateContent?key={GEMINI_API_KEY}"
    payload = {
        "systemInstruction": {"parts": [{"text": LETTER_PROMPT}]},
        "contents": [{"parts": [{"text": f"Invoice {invoice_id} for {merchant}: {amount} EUR due {due}."}]}],
    }
    response = requests.post(url, json=payload, timeout=30)
    response.raise_for_status()
    return response.json()["candidates"][0]["content"]["parts"][0]["text"]


def _draft(invoice_id, merchant, amount, due):
    # Gemini when its key is set (cheaper for bulk drafts), else OpenAI.
    if GEMINI_API_KEY:
        return _draft_gemini(invoice_id, merchant, amount, due)
    payload = {
        "model": OPENAI_MODEL,
        "messages": [
            {"role": "system", "content": LETTER_PROMPT},
            {"role": "user", "content": f"Invoice {invoice_id} for {merchant}: {amount} EUR due {due}."},
        ],
        "temperature": 0.3,
    }
    headers = {"Authorization": f"Bearer {OPENAI_API_KEY}", "Content-Type": "application/json"}
    response = requests.post(OPENAI_CHAT_URL, json=payload, headers=headers, timeout=30)
    response.raise_for_status()
    return response.json()["choices"][0]["message"]["content"]


@app.task(name="scheduler.tasks.dunning.draft_dunning_letters")
def draft_dunning_letters(limit: int = 50) -> int:
    drafted = 0
    with psycopg.connect(DATABASE_URL) as conn:
        rows = conn.execute(
            "SELECT id, merchant_name, amount_due, due_date FROM invoices "
            "WHERE status = 'overdue' AND reminder_draft IS NULL LIMIT %s",
            (limit,),
        ).fetchall()
        for invoice_id, merchant, amount, due in rows:
            conn.execute(
                "UPDATE invoices SET reminder_draft = %s WHERE id = %s",
                (_draft(invoice_id, merchant, amount, due), invoice_id),
            )
            drafted += 1
    return drafted
