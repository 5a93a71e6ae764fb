import os
from pathlib import Path

from autogen import AssistantAgent, UserProxyAgent
from autogen.coding import LocalCommandLineCodeExecutor

SYSTEM_MESSAGE = """You are a chargeback analyst at Northwind Pay.
The file chargebacks.csv in your working directory holds the last 90 days of disputes.
Answer the question by writing Python (pandas) code; print the figures you rely on.
Reply TERMINATE when the question is answered."""


def llm_config() -> dict:
    return {
        "config_list": [
            {
                "model": "gpt-4o",
                "api_type": "azure",
                "base_url": os.environ["AZURE_OPENAI_ENDPOINT"],
                "api_key": os.environ["AZURE_OPENAI_API_KEY"],
                "api_version": "2024-08-01-preview",
            }
        ],
        "temperature": 0,
        "cache_seed": None,
    }


def build_pair(work_dir: Path) -> tuple[AssistantAgent, UserProxyAgent]:
    analyst = AssistantAgent("chargeback_analyst", system_message=SYSTEM_MESSAGE, llm_config=llm_config())
    executor = LocalCommandLineCodeExecutor(timeout=120, work_dir=work_dir)
    runner = UserProxyAgent(
        "code_runner",
        human_input_mode="NEVER",
        max_consecutive_auto_reply=8,
        code_execution_config={"executor": executor},
        is_termination_msg=lambda message: "TERMINATE" in (message.get("content") or ""),
    )
    return analyst, runner
