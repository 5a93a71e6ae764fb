"""Takes analysis requests from Redis, runs the analyst pair, stores the answer."""
import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import psycopg
import redis

from analyst.agents import build_pair

QUEUE = "chargeback-analysis:requests"


def export_chargebacks(conn: psycopg.Connection, path: Path) -> None:
    frame = pd.read_sql(
        "SELECT id, merchant_id, reason_code, amount_cents, currency, opened_at, status "
        "FROM chargebacks WHERE opened_at > now() - interval '90 days'",
        conn,
    )
    frame.to_csv(path, index=False)


def answer(conn: psycopg.Connection, request_id: str, question: str) -> None:
    with tempfile.TemporaryDirectory(dir="/app/workspace") as scratch:
        work_dir = Path(scratch)
        export_chargebacks(conn, work_dir / "chargebacks.csv")
        analyst, runner = build_pair(work_dir)
        result = runner.initiate_chat(analyst, message=question, summary_method="last_msg")
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO analysis_answers (request_id, question, answer, cost_usd) VALUES (%s, %s, %s, %s)",
            (request_id, question, result.summary, result.cost["usage_including_cached_inference"]["total_cost"]),
        )
    conn.commit()


def main() -> None:
    queue = redis.Redis.from_url(os.environ["REDIS_URL"])
    with psycopg.connect(os.environ["DISPUTES_DB_URL"]) as conn:
        while True:
            _, raw = queue.blpop(QUEUE)
            request = json.loads(raw)
            answer(conn, request["id"], request["question"])


if __name__ == "__main__":
    main()
