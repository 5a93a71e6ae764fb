import os

import psycopg


def connect() -> psycopg.Connection:
    return psycopg.connect(
        host=os.environ["LEDGER_DB_HOST"],
        dbname="ledger",
        user="recon_batch",
        password=os.environ["LEDGER_DB_PASSWORD"],
        autocommit=False,
    )
