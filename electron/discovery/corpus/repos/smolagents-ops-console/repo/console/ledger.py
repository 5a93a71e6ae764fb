import os

import psycopg
from smolagents import tool


@tool
def account_balance(account_id: str) -> str:
    """Current balance of a Northwind ledger account.

    Args:
        account_id: Ledger account id, e.g. acc_settlement_eur.
    """
    with psycopg.connect(os.environ["LEDGER_DATABASE_URL"]) as conn:
        row = conn.execute("select currency, balance_minor from ledger_accounts where id = %s", (account_id,)).fetchone()
    return f"{row[0]} {row[1] / 100:.2f}" if row else "unknown account"
