import sqlite3

from google.adk.agents import LlmAgent

LEDGER_DB = "/var/lib/northwind/ledger.db"


def recent_payouts(merchant_id: str) -> list[dict]:
    """List the merchant's last ten payouts."""
    with sqlite3.connect(LEDGER_DB) as db:
        rows = db.execute(
            "SELECT id, amount_cents, status, paid_at FROM payouts WHERE merchant_id = ? ORDER BY paid_at DESC LIMIT 10",
            (merchant_id,),
        ).fetchall()
    return [dict(zip(["id", "amount_cents", "status", "paid_at"], row)) for row in rows]


payout_agent = LlmAgent(
    name="payout_agent",
    model="gemini-2.5-flash",
    description="Answers questions about merchant payouts.",
    instruction="Look payouts up with recent_payouts before answering.",
    tools=[recent_payouts],
)
