from langgraph.prebuilt import create_react_agent

from support_desk import summarise
from support_desk.models import worker_model
from support_desk.tools import payments as pay

BILLING_PROMPT = """You handle invoices, fees and refunds for merchants.
Look the invoice up before answering. Refund only duplicate charges, never more than the charge."""

billing_agent = create_react_agent(
    model=worker_model,
    tools=[pay.lookup_invoice, pay.refund_duplicate_charge, summarise.summarise_history],
    name="billing_agent",
    prompt=BILLING_PROMPT,
)
