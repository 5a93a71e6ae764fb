"""Deletes incident rows older than two years. Run by hand after legal sign-off."""
import os

import psycopg

if __name__ == "__main__":
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        conn.execute("delete from incidents where opened_at < now() - interval '2 years'")
