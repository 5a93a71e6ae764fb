"""Summarises yesterday's case notes per merchant for the risk analysts' morning review."""
import argparse
import os

import anthropic
import psycopg

client = anthropic.Anthropic()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--since", default="1d")
    args = parser.parse_args()
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        rows = conn.execute("select merchant_id, string_agg(body, E'\\n') from case_notes where created_at > now() - %s::interval group by merchant_id", (args.since.replace("d", " day"),)).fetchall()
        for merchant_id, notes in rows:
            message = client.messages.create(
                model="claude-3-5-haiku-20241022",
                max_tokens=300,
                messages=[{"role": "user", "content": f"Summarise these case notes in three lines:\n{notes}"}],
            )
            conn.execute("insert into note_digests (merchant_id, digest) values (%s, %s)", (merchant_id, message.content[0].text))


if __name__ == "__main__":
    main()
