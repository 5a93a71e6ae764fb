"""Nightly export of case notes to the data warehouse.

The summaries used to be regenerated here:
import openai
"""
import csv
import os
import sys

import psycopg

# from openai import OpenAI
# client = OpenAI()


def main() -> None:
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        rows = conn.execute("SELECT case_id, note, created_at FROM case_notes").fetchall()
    writer = csv.writer(sys.stdout)
    writer.writerows(rows)


if __name__ == "__main__":
    main()
