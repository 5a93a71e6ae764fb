"""Summarises closed dispute cases from the SQS queue: one assistant, one proxy, one turn."""
import asyncio
import json
import os

import boto3
from autogen import AssistantAgent, UserProxyAgent

from desk.settings import LLM_CONFIG

summariser = AssistantAgent("case_summariser", system_message="Summarise the dispute case for the merchant's file in five lines.", llm_config=LLM_CONFIG)
proxy = UserProxyAgent("case_proxy", human_input_mode="NEVER", llm_config=False, code_execution_config=False)


async def main() -> None:
    sqs = boto3.client("sqs")
    queue_url = os.environ["CLOSED_CASES_QUEUE_URL"]
    while True:
        batch = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=5, WaitTimeSeconds=20)
        for message in batch.get("Messages", []):
            case = json.loads(message["Body"])
            await proxy.a_initiate_chat(summariser, message=json.dumps(case), max_turns=1)
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])


if __name__ == "__main__":
    asyncio.run(main())
