"""Nightly review of held payouts by an agent on the Azure AI Foundry Agent Service."""

import json
import logging
import os

import azure.functions as func
import psycopg
from azure.ai.projects import AIProjectClient
from azure.identity import DefaultAzureCredential

app = func.FunctionApp()


@app.route(route="health", auth_level=func.AuthLevel.ANONYMOUS)
def health(req: func.HttpRequest) -> func.HttpResponse:
    return func.HttpResponse("ok")


def held_payouts() -> list[dict]:
    with psycopg.connect(os.environ["LEDGER_DATABASE_URL"]) as conn:
        rows = conn.execute("SELECT id, merchant_id, amount_cents, hold_reason FROM payouts WHERE status = 'held' ORDER BY created_at LIMIT 50").fetchall()
    return [{"id": r[0], "merchant_id": r[1], "amount_cents": r[2], "hold_reason": r[3]} for r in rows]


@app.timer_trigger(schedule="0 0 5 * * *", arg_name="timer", run_on_startup=False)
def review_held_payouts(timer: func.TimerRequest) -> None:
    project = AIProjectClient.from_connection_string(
        credential=DefaultAzureCredential(),
        conn_str=os.environ["PROJECT_CONNECTION_STRING"],
    )
    reviewer = project.agents.create_agent(
        model="gpt-4o",
        name="payout-hold-reviewer",
        instructions="For each held payout, say whether the hold should stay and why, in one line each.",
        tools=[{"type": "code_interpreter"}],
    )
    thread = project.agents.create_thread()
    project.agents.create_message(thread_id=thread.id, role="user", content=json.dumps(held_payouts()))
    run = project.agents.create_and_process_run(thread_id=thread.id, agent_id=reviewer.id)
    logging.info("payout review finished: %s", run.status)
    project.agents.delete_agent(reviewer.id)
