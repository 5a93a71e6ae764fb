from langgraph.prebuilt import create_react_agent

from chargebacks.models import model
from chargebacks.tools import fetch_evidence_page, hold_payout, read_dispute, refund_charge

evidence_agent = create_react_agent(
    model,
    tools=[fetch_evidence_page, read_dispute],
    name="evidence_agent",
    prompt="Collect the evidence for a dispute: read it, then fetch every page the merchant links to. Quote what you found.",
)

payout_agent = create_react_agent(
    model,
    tools=[hold_payout],
    name="payout_agent",
    prompt="Hold a merchant's payouts when their open disputes exceed their reserve.",
)

# Refund pilot: not wired into any graph yet.
escalation_agent = create_react_agent(
    model,
    tools=[refund_charge],
    name="escalation_agent",
    prompt="Refund a charge when the dispute cannot be won.",
)
