"""Runs the "Dispute digest" assistant (configured in the OpenAI dashboard) over yesterday's disputes."""
import json
import os

import psycopg
from openai import OpenAI
from slack_sdk import WebClient

client = OpenAI()


def yesterdays_disputes() -> list[dict]:
    with psycopg.connect(os.environ["DISPUTES_DB_URL"]) as conn, conn.cursor() as cur:
        cur.execute("SELECT id, merchant_id, amount_cents, reason FROM disputes WHERE opened_at >= current_date - 1")
        return [dict(zip(("id", "merchant_id", "amount_cents", "reason"), row)) for row in cur.fetchall()]


def main() -> None:
    thread = client.beta.threads.create(messages=[{"role": "user", "content": json.dumps(yesterdays_disputes())}])
    run = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=os.environ["DIGEST_ASSISTANT_ID"])
    if run.status != "completed":
        raise SystemExit(f"digest run ended {run.status}")
    messages = client.beta.threads.messages.list(thread_id=thread.id, order="desc", limit=1)
    WebClient(token=os.environ["SLACK_BOT_TOKEN"]).chat_postMessage(channel="#disputes", text=messages.data[0].content[0].text.value)


if __name__ == "__main__":
    main()
