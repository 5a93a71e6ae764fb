import os

import anthropic
import psycopg

client = anthropic.Anthropic()


def summarise_thread(ticket_id: str) -> str:
    """Summarises a ticket's thread and stores the summary on the ticket."""
    with psycopg.connect(os.environ["TICKETS_DATABASE_URL"]) as conn:
        messages = conn.execute("SELECT author, body FROM ticket_messages WHERE ticket_id = %s ORDER BY sent_at", (ticket_id,)).fetchall()
        reply = client.messages.create(
            model="claude-haiku-4-5",
            max_tokens=400,
            messages=[{"role": "user", "content": "Summarise this support thread in three lines:\n" + "\n".join(f"{a}: {b}" for a, b in messages)}],
        )
        summary = reply.content[0].text
        conn.execute("UPDATE tickets SET summary = %s WHERE id = %s", (summary, ticket_id))
    return summary
