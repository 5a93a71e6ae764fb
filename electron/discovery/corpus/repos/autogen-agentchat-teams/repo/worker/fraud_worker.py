"""Screens payments flagged by the rules engine, as an AutoGen Core agent on a gRPC runtime worker."""
import asyncio
import os
from dataclasses import dataclass

from autogen_core import MessageContext, RoutedAgent, TypeSubscription, message_handler
from autogen_core.models import ChatCompletionClient, SystemMessage, UserMessage
from autogen_ext.models.openai import OpenAIChatCompletionClient
from autogen_ext.runtimes.grpc import GrpcWorkerAgentRuntime


@dataclass
class FlaggedPayment:
    payment_id: str
    summary: str


class FraudScreener(RoutedAgent):
    def __init__(self, model_client: ChatCompletionClient) -> None:
        super().__init__("Screens flagged payments")
        self._model_client = model_client

    @message_handler
    async def screen(self, message: FlaggedPayment, ctx: MessageContext) -> None:
        verdict = await self._model_client.create(
            [SystemMessage(content="Say HOLD or RELEASE, then one sentence why."), UserMessage(content=message.summary, source="rules-engine")],
            cancellation_token=ctx.cancellation_token,
        )
        print(message.payment_id, verdict.content)


async def main() -> None:
    runtime = GrpcWorkerAgentRuntime(host_address=os.environ.get("AGENT_HOST", "localhost:50051"))
    await runtime.start()
    client = OpenAIChatCompletionClient(model="gpt-4o-mini")
    await FraudScreener.register(runtime, "fraud_screener", lambda: FraudScreener(model_client=client))
    await runtime.add_subscription(TypeSubscription(topic_type="flagged_payments", agent_type="fraud_screener"))
    await runtime.stop_when_signal()


if __name__ == "__main__":
    asyncio.run(main())
