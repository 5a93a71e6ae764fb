import os
import sqlite3

import requests
from smolagents import tool


@tool
def latest_rate(base: str, quote: str) -> float:
    """Latest mid-market rate between two currencies.

    Args:
        base: ISO code of the currency converted from, e.g. USD.
        quote: ISO code of the currency converted to, e.g. EUR.
    """
    response = requests.get(f"{os.environ['FX_API_URL']}/latest", params={"base": base, "symbols": quote}, timeout=10)
    response.raise_for_status()
    return response.json()["rates"][quote]


@tool
def settlement_due(merchant_id: str) -> str:
    """Amounts due to a merchant at the next settlement, by currency.

    Args:
        merchant_id: Northwind merchant id, e.g. mer_204.
    """
    conn = sqlite3.connect(os.environ.get("SETTLEMENTS_DB", "settlements.db"))
    rows = conn.execute("select currency, sum(amount_minor) from settlement_lines where merchant_id = ? and settled = 0 group by currency", (merchant_id,)).fetchall()
    return "\n".join(f"{currency}: {amount / 100:.2f}" for currency, amount in rows)
