import os

import psycopg
import stripe
from autogen_core.tools import FunctionTool

from constants import HUMAN_AGENT_TYPE, REFUND_AGENT_TYPE


def look_up_chargeback(chargeback_id: str) -> str:
    """Reason code, amount and status of a chargeback."""
    with psycopg.connect(os.environ["DISPUTES_DATABASE_URL"]) as conn:
        row = conn.execute("select reason_code, amount_minor, currency, status from chargebacks where id = %s", (chargeback_id,)).fetchone()
    return repr(row)


def refund_charge(charge_id: str, amount_minor: int) -> str:
    """Refund a charge instead of contesting its chargeback."""
    stripe.api_key = os.environ["STRIPE_SECRET_KEY"]
    refund = stripe.Refund.create(charge=charge_id, amount=amount_minor, reason="requested_by_customer")
    return refund.id


def transfer_to_refunds() -> str:
    return REFUND_AGENT_TYPE


def escalate_to_human() -> str:
    return HUMAN_AGENT_TYPE


look_up_chargeback_tool = FunctionTool(look_up_chargeback, description="Look up a chargeback by id.")
refund_charge_tool = FunctionTool(refund_charge, description="Refund a charge.")
transfer_to_refunds_tool = FunctionTool(transfer_to_refunds, description="Hand the conversation to the refund agent.")
escalate_to_human_tool = FunctionTool(escalate_to_human, description="Hand the conversation to a person.")
