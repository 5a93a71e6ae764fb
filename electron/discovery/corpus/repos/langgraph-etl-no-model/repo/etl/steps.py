import csv
import io
import os

import boto3
import psycopg

s3 = boto3.client("s3")
BUCKET = "northwind-settlements"


def list_new_files(prefix: str) -> list[str]:
    listing = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return [item["Key"] for item in listing.get("Contents", []) if item["Key"].endswith(".csv")]


def read_rows(key: str) -> list[dict]:
    body = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read().decode()
    return list(csv.DictReader(io.StringIO(body)))


def write_rows(rows: list[dict]) -> int:
    with psycopg.connect(os.environ["LEDGER_DB_URL"]) as conn, conn.cursor() as cur:
        for row in rows:
            cur.execute(
                "INSERT INTO settlements (network_ref, amount_minor, currency, settled_on) VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
                (row["ref"], int(row["amount_minor"]), row["currency"], row["date"]),
            )
    return len(rows)
