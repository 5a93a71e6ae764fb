"""Refund desk for Northwind Pay support, served with `adk web` / `adk deploy cloud_run`."""
import httpx
from google.adk.agents import Agent
from google.adk.tools.agent_tool import AgentTool

from refund_desk.sub_agents.disputes import dispute_agent
from refund_desk.sub_agents.payouts import payout_agent


def fx_quote(currency: str) -> dict:
    """Quote today's EUR rate for a currency."""
    response = httpx.get("https://api.frankfurter.app/latest", params={"from": "EUR", "to": currency}, timeout=10)
    return response.json()


fx_agent = Agent(
    name="fx_agent",
    model="gemini-2.5-flash",
    description="Converts refund amounts between currencies.",
    instruction="Quote exchange rates with fx_quote; never round before converting.",
    tools=[fx_quote],
)

root_agent = Agent(
    name="refund_desk",
    model="gemini-2.5-flash",
    description="Front desk for merchant refund and payout questions.",
    instruction="Route disputes to dispute_agent and payout questions to payout_agent. Use fx_agent for conversions.",
    sub_agents=[dispute_agent, payout_agent],
    tools=[AgentTool(agent=fx_agent)],
)
