import asyncio
import sys
import uuid

from temporalio.client import Client
from temporalio.contrib.pydantic import pydantic_data_converter

from workflows.refund_agent import RefundAgentWorkflow


async def main():
    client = await Client.connect("temporal.internal:7233", namespace="payments", data_converter=pydantic_data_converter)
    answer = await client.execute_workflow(
        RefundAgentWorkflow.run,
        sys.argv[1],
        id=f"refund-review-{uuid.uuid4()}",
        task_queue="refund-agent",
    )
    print(answer)


if __name__ == "__main__":
    asyncio.run(main())
