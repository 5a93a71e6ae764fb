"""A gRPC worker of the chargeback desk's distributed runtime: the case summary and merchant notice agents."""
import asyncio
import os

from autogen_core.models import SystemMessage
from autogen_ext.models.openai import OpenAIChatCompletionClient
from autogen_ext.runtimes.grpc import GrpcWorkerAgentRuntime

from .agent_types import NOTICE_AGENT_TYPE, SUMMARY_AGENT_TYPE
from .notice_agent import NoticeAgent
from .notices import email_merchant_tool


async def main() -> None:
    worker = GrpcWorkerAgentRuntime(host_address=os.environ.get("AGENT_HOST", "localhost:50051"))
    await worker.start()
    model_client = OpenAIChatCompletionClient(model="gpt-4o")

    await NoticeAgent.register(
        worker,
        type=SUMMARY_AGENT_TYPE,
        factory=lambda: NoticeAgent(
            description="Summarises a chargeback case for the merchant.",
            system_message=SystemMessage(content="Summarise the case in three sentences."),
            model_client=model_client,
            tools=[],
            next_topic_type=NOTICE_AGENT_TYPE,
        ),
    )
    await NoticeAgent.register(
        worker,
        type=NOTICE_AGENT_TYPE,
        factory=lambda: NoticeAgent(
            description="Writes and sends the merchant's notice.",
            system_message=SystemMessage(content="Write the merchant a short notice and email it."),
            model_client=model_client,
            tools=[email_merchant_tool],
            next_topic_type="Closed",
        ),
    )
    await worker.stop_when_signal()


if __name__ == "__main__":
    asyncio.run(main())
