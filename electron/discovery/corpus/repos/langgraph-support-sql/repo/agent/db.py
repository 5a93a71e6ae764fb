import os

import psycopg


def connect() -> psycopg.Connection:
    """A connection as the support-agent role (see infra/db-roles.sql in the platform repo)."""
    return psycopg.connect(os.environ["SUPPORT_DB_URL"], autocommit=False)
