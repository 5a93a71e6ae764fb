import os

from pydantic_ai import Agent, RunContext
from twilio.rest import Client

twilio = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])

payout_assistant = Agent(
    "openai:gpt-4.1-mini",
    deps_type=str,
    system_prompt="You explain payout delays to merchants of Northwind Pay. Text the owner when a payout is held.",
)


@payout_assistant.tool
def text_owner(ctx: RunContext[str], message: str) -> str:
    """Send the merchant's owner an SMS about their payout."""
    sent = twilio.messages.create(to=os.environ["OWNER_PHONE_LOOKUP_FALLBACK"], from_="+15550100", body=f"[{ctx.deps}] {message}")
    return sent.sid
