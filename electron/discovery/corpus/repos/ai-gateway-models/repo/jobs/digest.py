"""Morning digest of yesterday's escalations, written through the Vercel AI Gateway's OpenAI-compatible API."""
import os

import psycopg
from openai import OpenAI

client = OpenAI(api_key=os.environ["AI_GATEWAY_API_KEY"], base_url="https://ai-gateway.vercel.sh/v1")


def main() -> None:
    with psycopg.connect(os.environ["SUPPORT_DSN"]) as conn:
        rows = conn.execute("SELECT id, subject, summary FROM escalations WHERE created_at > now() - interval '1 day'").fetchall()
    listing = "\n".join(f"{row[0]}: {row[1]} - {row[2]}" for row in rows)
    reply = client.chat.completions.create(
        model="google/gemini-2.5-flash",
        messages=[{"role": "user", "content": f"Write a five-line digest of these escalations:\n{listing}"}],
    )
    print(reply.choices[0].message.content)


if __name__ == "__main__":
    main()
