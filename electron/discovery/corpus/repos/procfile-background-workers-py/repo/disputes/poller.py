"""Summarises new card disputes for the analysts; runs forever in a worker dyno."""
import time

import anthropic

from disputes.db import connect

client = anthropic.Anthropic()


def summarise_next() -> bool:
    with connect() as conn:
        row = conn.execute("SELECT id, cardholder_note FROM disputes WHERE summary IS NULL ORDER BY opened_at LIMIT 1").fetchone()
        if row is None:
            return False
        message = client.messages.create(
            model="claude-3-5-haiku-latest",
            max_tokens=400,
            messages=[{"role": "user", "content": f"Summarise this card dispute for an analyst in three lines:\n\n{row[1]}"}],
        )
        conn.execute("UPDATE disputes SET summary = %s WHERE id = %s", (message.content[0].text, row[0]))
    return True


if __name__ == "__main__":
    while True:
        if not summarise_next():
            time.sleep(20)
