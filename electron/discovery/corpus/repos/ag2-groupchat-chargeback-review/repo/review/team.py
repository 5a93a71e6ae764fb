"""The nightly chargeback review: a planner, an analyst and a reporter in one group chat, with a code executor."""
import os
from pathlib import Path
from typing import Annotated

import psycopg
from autogen import AssistantAgent, GroupChat, GroupChatManager, UserProxyAgent, register_function
from autogen.coding import LocalCommandLineCodeExecutor

from slack_sdk import WebClient

from review.llm_settings import llm_config

WORK_DIR = Path("/tmp/chargeback-review")

TASK = """Review the chargebacks opened in the last 7 days.
Group them by reason code and merchant, flag merchants whose dispute rate doubled,
and post a short summary to #disputes-review. Reply TERMINATE when done."""

executor = UserProxyAgent(
    "executor",
    human_input_mode="NEVER",
    llm_config=False,
    code_execution_config={"executor": LocalCommandLineCodeExecutor(work_dir=WORK_DIR, timeout=120)},
    is_termination_msg=lambda message: "TERMINATE" in (message.get("content") or ""),
)

planner = AssistantAgent(
    "planner",
    system_message="You plan the review step by step. You never write code.",
    llm_config=llm_config(),
)

analyst = AssistantAgent(
    name="analyst",
    system_message="You analyse chargebacks. Fetch them with your tool, then write pandas code for the executor.",
    llm_config=llm_config(),
)

reporter = AssistantAgent(
    name="reporter",
    system_message="You write the final summary and post it to Slack.",
    llm_config=llm_config(temperature=0.3),
)


@executor.register_for_execution()
@analyst.register_for_llm(description="Open chargebacks of the last N days, as CSV lines.")
def fetch_open_chargebacks(days: Annotated[int, "How many days back to look"]) -> str:
    with psycopg.connect(os.environ["DISPUTES_DATABASE_URL"]) as conn:
        rows = conn.execute(
            "SELECT id, merchant_id, reason_code, amount_minor, currency FROM chargebacks WHERE status = 'open' AND opened_at > now() - make_interval(days => %s)",
            (days,),
        ).fetchall()
    return "\n".join(",".join(str(value) for value in row) for row in rows)


def post_summary(channel: Annotated[str, "Slack channel"], text: Annotated[str, "The summary"]) -> str:
    """Post the review summary to the disputes channel."""
    WebClient(token=os.environ["SLACK_BOT_TOKEN"]).chat_postMessage(channel=channel, text=text)
    return "posted"


register_function(post_summary, caller=reporter, executor=executor, name="post_summary", description="Post the summary to a Slack channel.")

group = GroupChat(agents=[executor, planner, analyst, reporter], messages=[], max_round=24, speaker_selection_method="auto")
manager = GroupChatManager(groupchat=group, llm_config=llm_config())


def run_review() -> str:
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    result = executor.initiate_chat(manager, message=TASK, summary_method="last_msg")
    return result.summary
