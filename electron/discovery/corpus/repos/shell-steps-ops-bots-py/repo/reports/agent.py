"""Writes the weekly incident report from the incidents table."""
import os

import psycopg
from openai import OpenAI

client = OpenAI()


def main() -> None:
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        rows = conn.execute("select title, severity, resolved_at from incidents where opened_at > now() - interval '7 days'").fetchall()
    summary = client.responses.create(model="gpt-4.1", input=f"Write the weekly incident report:\n{rows}")
    print(summary.output_text)


if __name__ == "__main__":
    main()
