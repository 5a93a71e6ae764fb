"""Nightly close: freeze yesterday's journal, post FX revaluation, publish trial balance."""
import os
from datetime import date, timedelta

import requests
from sqlalchemy import create_engine, text


def close(day: date) -> None:
    engine = create_engine(os.environ["LEDGER_DB_URL"])
    with engine.begin() as conn:
        conn.execute(text("UPDATE journal_days SET frozen = true WHERE day = :d"), {"d": day})
        conn.execute(text("CALL post_fx_revaluation(:d)"), {"d": day})
        totals = conn.execute(
            text("SELECT sum(debit_cents) AS debits, sum(credit_cents) AS credits FROM journal_lines WHERE day = :d"),
            {"d": day},
        ).one()
    requests.post(
        "https://finance-reports.internal.northwind-pay.example/trial-balance",
        json={"day": day.isoformat(), "debits": totals.debits, "credits": totals.credits},
        timeout=30,
    )


if __name__ == "__main__":
    close(date.today() - timedelta(days=1))
