import os

import psycopg


def connect() -> psycopg.Connection:
    """A connection as disputes_rw (read on transactions, write on disputes and refund_reviews)."""
    return psycopg.connect(os.environ["DISPUTES_DB_URL"], autocommit=False)
