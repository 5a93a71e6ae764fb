import datetime as dt
import os

import httpx
import psycopg
from langchain_core.tools import tool

RATES_SERVICE = "https://rates.treasury.northwindpay.example/v1/fixings"


def _connect() -> psycopg.Connection:
    return psycopg.connect(os.environ["TREASURY_DB_URL"])


@tool
def ledger_balances(currency: str) -> list[dict]:
    """Closing ledger balance per operating account in one currency, for the last 30 days."""
    with _connect() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT account, value_date, closing_balance FROM ledger.daily_balances "
            "WHERE currency = %s AND value_date >= current_date - 30 ORDER BY account, value_date",
            (currency,),
        )
        return [{"account": a, "date": d.isoformat(), "balance": str(b)} for a, d, b in cur.fetchall()]


@tool
def scheduled_payouts(currency: str, days: int = 14) -> list[dict]:
    """Merchant payouts already scheduled in the next `days` days, summed per day."""
    with _connect() as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT payout_date, sum(amount) FROM payouts.schedule WHERE currency = %s "
            "AND payout_date < current_date + %s GROUP BY payout_date ORDER BY payout_date",
            (currency, days),
        )
        return [{"date": d.isoformat(), "amount": str(a)} for d, a in cur.fetchall()]


@tool
def fx_fixings(base: str) -> dict:
    """Today's FX fixings against `base` from the treasury rates service."""
    response = httpx.get(RATES_SERVICE, params={"base": base, "date": dt.date.today().isoformat()}, timeout=10)
    response.raise_for_status()
    return response.json()


@tool
def save_forecast(currency: str, points: list[dict], rationale: str) -> str:
    """Store the 14-day forecast (list of {date, expected_balance, low, high}) for the dashboard."""
    with _connect() as conn, conn.cursor() as cur:
        cur.execute(
            "INSERT INTO treasury.forecasts (currency, generated_at, rationale, model) VALUES (%s, now(), %s, %s) RETURNING id",
            (currency, rationale, os.environ.get("BEDROCK_MODEL_ID", "")),
        )
        forecast_id = cur.fetchone()[0]
        cur.executemany(
            "INSERT INTO treasury.forecast_points (forecast_id, day, expected, low, high) VALUES (%s, %s, %s, %s, %s)",
            [(forecast_id, p["date"], p["expected_balance"], p["low"], p["high"]) for p in points],
        )
    return f"forecast {forecast_id} saved"


TOOLS = [ledger_balances, scheduled_payouts, fx_fixings, save_forecast]
