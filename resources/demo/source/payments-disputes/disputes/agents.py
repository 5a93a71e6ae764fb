from agents import Agent, ModelSettings

from disputes.tools import comment_on_ticket, dispute_details, file_evidence, issue_refund, receipts_for, ticket_thread

evidence_collector = Agent(
    name="Chargeback evidence collector",
    handoff_description="Gathers receipts and delivery proof for a dispute and files the evidence pack.",
    instructions=(
        "Collect every receipt and delivery confirmation for the disputed transaction, write a short factual "
        "summary for the card network, and file the evidence pack. Do not contact the cardholder."
    ),
    tools=[receipts_for, file_evidence],
    model="gpt-4.1-mini",
)

dispute_agent = Agent(
    name="Dispute resolution assistant",
    instructions=(
        "You handle card disputes for Northwind Pay. Read the dispute, the original transaction and what the "
        "cardholder wrote on the ticket. "
        "If the merchant has not answered within 7 days, or admits the error, refund the cardholder "
        "(refunds above 200 EUR go to Payments Ops). Otherwise hand off to the evidence collector and "
        "leave an internal note on the ticket saying what was filed. Never promise an outcome to the cardholder."
    ),
    tools=[dispute_details, ticket_thread, issue_refund, comment_on_ticket],
    handoffs=[evidence_collector],
    model="gpt-4.1",
    model_settings=ModelSettings(temperature=0, max_tokens=2_000),
)
