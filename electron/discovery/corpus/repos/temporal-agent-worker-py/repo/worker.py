import asyncio
from concurrent.futures import ThreadPoolExecutor

from temporalio.client import Client
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.worker import Worker

from activities import model_call, tool_runner
from workflows.refund_agent import RefundAgentWorkflow

TASK_QUEUE = "refund-agent"


async def main():
    client = await Client.connect("temporal.internal:7233", namespace="payments", data_converter=pydantic_data_converter)
    worker = Worker(
        client,
        task_queue=TASK_QUEUE,
        workflows=[RefundAgentWorkflow],
        activities=[model_call.respond, tool_runner.run_tool],
        activity_executor=ThreadPoolExecutor(max_workers=8),
    )
    await worker.run()


if __name__ == "__main__":
    asyncio.run(main())
