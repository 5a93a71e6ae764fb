import os

import psycopg
from crewai.tools import BaseTool


class LedgerLookupTool(BaseTool):
    name: str = "ledger_lookup"
    description: str = "Ledger entries of a merchant's customer card over the last 90 days."

    def _run(self, card_fingerprint: str) -> str:
        with psycopg.connect(os.environ["DISPUTES_DATABASE_URL"]) as conn:
            rows = conn.execute(
                "SELECT posted_at, amount_minor, currency, merchant_id FROM ledger_entries WHERE card_fingerprint = %s AND posted_at > now() - interval '90 days'",
                (card_fingerprint,),
            ).fetchall()
        return "\n".join(",".join(str(v) for v in row) for row in rows)
