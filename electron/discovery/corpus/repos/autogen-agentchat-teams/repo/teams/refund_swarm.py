"""Refund desk as a Swarm: triage hands the customer to the refunds agent, which hands back when done."""
import asyncio
import os

import httpx
from autogen_agentchat.agents import AssistantAgent
from autogen_agentchat.conditions import HandoffTermination, TextMentionTermination
from autogen_agentchat.teams import Swarm
from autogen_agentchat.ui import Console
from autogen_ext.models.openai import OpenAIChatCompletionClient


def refund_payment(payment_id: str, reason: str) -> str:
    """Refund a payment in full."""
    response = httpx.post(
        f"{os.environ['PAYMENTS_API_URL']}/payments/{payment_id}/refunds",
        json={"reason": reason},
        headers={"Authorization": f"Bearer {os.environ['PAYMENTS_API_TOKEN']}"},
        timeout=10,
    )
    return response.text


async def main(task: str) -> None:
    client = OpenAIChatCompletionClient(model="gpt-4o-mini")
    triage = AssistantAgent(
        "triage",
        model_client=client,
        handoffs=["refunds", "user"],
        system_message="Find out what the customer needs. Hand refund requests to refunds.",
    )
    refunds = AssistantAgent(
        "refunds",
        model_client=client,
        tools=[refund_payment],
        handoffs=["triage"],
        system_message="Refund the payment the customer names, then hand back to triage.",
    )
    desk = Swarm([triage, refunds], termination_condition=HandoffTermination(target="user") | TextMentionTermination("TERMINATE"))
    await Console(desk.run_stream(task=task))


if __name__ == "__main__":
    asyncio.run(main(input("Customer: ")))
