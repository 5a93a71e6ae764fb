"""Fill the local payments-dev database with fake but plausible card payments."""
import argparse
import json
import os

import psycopg
from openai import OpenAI

PROMPT = (
    "Invent {count} card payments at small European merchants as a JSON object {{\"payments\": [...]}}. Each payment has "
    "merchant_name, mcc, amount_cents (100 to 50000), currency (EUR, GBP or PLN), country and a short descriptor."
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args()
    client = OpenAI()
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        response_format={"type": "json_object"},
        messages=[{"role": "user", "content": PROMPT.format(count=args.count)}],
    )
    payments = json.loads(completion.choices[0].message.content)["payments"]
    with psycopg.connect(os.environ.get("DEV_DB_URL", "postgresql://localhost:5432/payments-dev")) as conn, conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO transactions (merchant_name, mcc, amount_cents, currency, country, descriptor) VALUES (%s, %s, %s, %s, %s, %s)",
            [(p["merchant_name"], p["mcc"], p["amount_cents"], p["currency"], p["country"], p["descriptor"]) for p in payments],
        )
    print(f"inserted {len(payments)} payments")


if __name__ == "__main__":
    main()
