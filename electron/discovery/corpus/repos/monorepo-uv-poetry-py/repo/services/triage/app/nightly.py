"""Re-triages tickets that sat in the `other` queue for a day, with the model's second opinion."""

import os

import psycopg
from openai import OpenAI

client = OpenAI()


def main() -> None:
    with psycopg.connect(os.environ["TICKETS_DATABASE_URL"]) as conn:
        stale = conn.execute("SELECT id, subject, body FROM tickets WHERE queue = 'other' AND opened_at < now() - interval '1 day'").fetchall()
        for ticket_id, subject, body in stale:
            answer = client.chat.completions.create(
                model="gpt-4.1-mini",
                messages=[{"role": "user", "content": f"Queue for this ticket (billing, fraud, onboarding, other)?\n{subject}\n{body}"}],
            )
            conn.execute("UPDATE tickets SET queue = %s WHERE id = %s", (answer.choices[0].message.content.strip(), ticket_id))


if __name__ == "__main__":
    main()
