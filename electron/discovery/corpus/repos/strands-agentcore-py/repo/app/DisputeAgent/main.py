"""Dispute assistant on Bedrock AgentCore Runtime: one Strands agent per request."""
import os

import psycopg
from bedrock_agentcore.runtime import BedrockAgentCoreApp
from strands import Agent, tool
from strands.models import BedrockModel

app = BedrockAgentCoreApp()


@tool
def dispute_history(merchant_id: str) -> list[tuple]:
    """The merchant's disputes of the last 90 days."""
    with psycopg.connect(os.environ["LEDGER_DSN"]) as conn:
        return conn.execute(
            "SELECT id, amount_cents, reason, opened_at FROM disputes WHERE merchant_id = %s AND opened_at > now() - interval '90 days'",
            (merchant_id,),
        ).fetchall()


@tool
def flag_for_review(dispute_id: str, note: str) -> str:
    """Flag a dispute for the risk team."""
    with psycopg.connect(os.environ["LEDGER_DSN"]) as conn:
        conn.execute("UPDATE disputes SET review_note = %s, needs_review = true WHERE id = %s", (note, dispute_id))
    return "flagged"


@app.entrypoint
async def invoke(payload, context):
    agent = Agent(
        model=BedrockModel(model_id="us.anthropic.claude-sonnet-4-20250514-v1:0"),
        system_prompt="You help merchants understand their card disputes.",
        tools=[dispute_history, flag_for_review],
    )
    async for event in agent.stream_async(payload.get("prompt", "")):
        if "data" in event:
            yield event["data"]


if __name__ == "__main__":
    app.run()
