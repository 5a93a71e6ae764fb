import os

import stripe

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]


def get_charge(charge_id: str) -> dict:
    charge = stripe.Charge.retrieve(charge_id)
    return {"id": charge.id, "amount": charge.amount, "refunded": charge.refunded}


def refund_charge(charge_id: str, amount_cents: int) -> dict:
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return {"id": refund.id, "status": refund.status}
