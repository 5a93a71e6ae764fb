import os

import psycopg


def connect() -> psycopg.Connection:
    return psycopg.connect(os.environ["ONBOARDING_DATABASE_URL"])
