import stripe

from discordpay.settings import get_settings

stripe.api_key = get_settings().STRIPE_SECRET_KEY.get_secret_value()


def find_charge(charge_id: str) -> dict:
    charge = stripe.Charge.retrieve(charge_id)
    return {"id": charge.id, "amount": charge.amount, "status": charge.status}


def refund_charge(charge_id: str) -> dict:
    refund = stripe.Refund.create(charge=charge_id)
    return {"refund": refund.id, "status": refund.status}
