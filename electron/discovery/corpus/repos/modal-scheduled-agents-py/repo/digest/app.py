"""Weekday chargeback digest: a Modal cron job running an OpenAI Agents SDK agent."""
import os

import httpx
import modal
from agents import Agent, Runner, function_tool

app = modal.App("chargeback-digest")
image = modal.Image.debian_slim(python_version="3.12").pip_install("openai-agents", "httpx")


@function_tool
def post_to_risk_channel(summary: str) -> str:
    """Post the digest to the risk team's Slack channel."""
    httpx.post(os.environ["RISK_SLACK_WEBHOOK"], json={"text": summary}, timeout=10)
    return "posted"


digest_agent = Agent(
    name="Chargeback digest",
    instructions="Summarise yesterday's chargebacks for the risk team and post the summary.",
    model="gpt-4.1-mini",
    tools=[post_to_risk_channel],
)


@app.function(image=image, secrets=[modal.Secret.from_name("openai-secret"), modal.Secret.from_name("risk-slack")], schedule=modal.Cron("0 7 * * 1-5", timezone="Europe/Vienna"))
def weekday_digest():
    Runner.run_sync(digest_agent, "Write today's digest.")
