"""Northwind Pay dispute desk on Azure Functions.

The Functions host serves each agent below on its own route
(POST /api/agents/<name>/run), with conversation state kept by Durable Functions.
"""

import os
from typing import Annotated

import psycopg
import stripe
from agent_framework.azure import AgentFunctionApp, AzureOpenAIChatClient
from azure.identity import DefaultAzureCredential

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]
REFUND_LIMIT_CENTS = 25_000


def lookup_dispute(dispute_id: Annotated[str, "The Northwind dispute id, e.g. dsp_123"]) -> dict:
    """Read a dispute and its charge from the ledger."""
    with psycopg.connect(os.environ["LEDGER_DATABASE_URL"]) as conn:
        row = conn.execute(
            "SELECT d.id, d.status, d.reason, c.amount_cents, c.currency FROM disputes d JOIN charges c ON c.id = d.charge_id WHERE d.id = %s",
            (dispute_id,),
        ).fetchone()
    if row is None:
        return {"error": f"no dispute {dispute_id}"}
    return {"id": row[0], "status": row[1], "reason": row[2], "amount_cents": row[3], "currency": row[4]}


def issue_refund(charge_id: Annotated[str, "The Stripe charge id"], amount_cents: Annotated[int, "Amount to refund"]) -> str:
    """Refund a charge through Stripe, within the desk's limit."""
    if amount_cents > REFUND_LIMIT_CENTS:
        return "Above the desk's limit: hand over to a supervisor."
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return f"Refund {refund.id} is {refund.status}"


chat_client = AzureOpenAIChatClient(
    endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    deployment_name=os.getenv("AZURE_OPENAI_DEPLOYMENT", "gpt-4o-mini"),
    credential=DefaultAzureCredential(),
)

dispute_agent = chat_client.create_agent(
    name="DisputeExplainer",
    instructions="Explain the status of a card dispute to a Northwind Pay support agent. Quote the ledger, never guess.",
    tools=[lookup_dispute],
)

refund_agent = chat_client.create_agent(
    name="RefundDesk",
    instructions="Refund a disputed charge when the dispute is lost and the amount is under the desk's limit.",
    tools=[issue_refund],
)

app = AgentFunctionApp(agents=[dispute_agent, refund_agent], enable_health_check=True)
