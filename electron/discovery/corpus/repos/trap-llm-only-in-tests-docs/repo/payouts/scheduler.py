"""Nightly: batch every merchant's settled balance into one payout per currency."""
import os
from datetime import date

from sqlalchemy import create_engine, text

from payouts.descriptors import statement_descriptor


def run(value_date: date) -> int:
    engine = create_engine(os.environ["PAYOUTS_DB_URL"])
    with engine.begin() as conn:
        balances = conn.execute(
            text(
                "SELECT merchant_id, merchant_name, currency, sum(amount_cents) AS cents FROM settled_balances "
                "WHERE value_date <= :d AND payout_id IS NULL GROUP BY merchant_id, merchant_name, currency"
            ),
            {"d": value_date},
        ).all()
        for row in balances:
            payout_id = conn.execute(
                text("INSERT INTO payouts (merchant_id, currency, amount_cents) VALUES (:m, :c, :a) RETURNING id"),
                {"m": row.merchant_id, "c": row.currency, "a": row.cents},
            ).scalar_one()
            conn.execute(
                text("UPDATE payouts SET descriptor = :s WHERE id = :p"),
                {"s": statement_descriptor(row.merchant_name, str(payout_id)), "p": payout_id},
            )
    return len(balances)


if __name__ == "__main__":
    run(date.today())
