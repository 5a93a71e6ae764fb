from agents import Agent

from triage.tools import merchant_status, run_diagnostic

billing_specialist = Agent(
    name="Billing specialist",
    handoff_description="Questions about fees, invoices, payouts and plan changes.",
    instructions="Explain fees and payout timing from the merchant's plan. Never promise a refund.",
    tools=[merchant_status],
    model="gpt-4.1-mini",
)

integration_specialist = Agent(
    name="Integration specialist",
    handoff_description="Webhook failures, API errors, TLS or DNS problems.",
    instructions="Diagnose webhook and API problems. Run diagnostics before guessing.",
    tools=[merchant_status, run_diagnostic],
    model="gpt-4.1",
)

triage_agent = Agent(
    name="Merchant support triage",
    instructions="Read the merchant's email and hand it to the right specialist. Draft a reply in the merchant's language.",
    handoffs=[billing_specialist, integration_specialist],
    model="gpt-4.1-mini",
)
