"""The chargeback desk: one AutoGen Core runtime hosting the triage and refund agents and the human queue."""
import asyncio
import uuid

from autogen_core import SingleThreadedAgentRuntime, TopicId, TypeSubscription
from autogen_core.models import SystemMessage, UserMessage
from autogen_ext.models.openai import OpenAIChatCompletionClient

import constants
from constants import HUMAN_AGENT_TYPE, MODEL, TRIAGE_AGENT_TYPE, USER_TOPIC_TYPE
from desk.ai_agent import AIAgent
from desk.human_agent import HumanAgent
from desk.messages import UserTask
from desk.tools import escalate_to_human_tool, look_up_chargeback_tool, refund_charge_tool, transfer_to_refunds_tool


async def main() -> None:
    runtime = SingleThreadedAgentRuntime()
    model_client = OpenAIChatCompletionClient(model=MODEL)

    triage_type = await AIAgent.register(
        runtime,
        type=TRIAGE_AGENT_TYPE,
        factory=lambda: AIAgent(
            description="Reads the merchant's question and routes it.",
            system_message=SystemMessage(content="You triage chargeback questions from Northwind Pay merchants."),
            model_client=model_client,
            tools=[look_up_chargeback_tool],
            delegate_tools=[transfer_to_refunds_tool, escalate_to_human_tool],
            agent_topic_type=TRIAGE_AGENT_TYPE,
            user_topic_type=USER_TOPIC_TYPE,
        ),
    )
    await runtime.add_subscription(TypeSubscription(topic_type=TRIAGE_AGENT_TYPE, agent_type=triage_type.type))

    refund_type = await AIAgent.register(
        runtime,
        type=constants.REFUND_AGENT_TYPE,
        factory=lambda: AIAgent(
            description="Refunds charges the merchant will not contest.",
            system_message=SystemMessage(content="You refund charges when the merchant accepts the chargeback."),
            model_client=model_client,
            tools=[refund_charge_tool],
            delegate_tools=[escalate_to_human_tool],
            agent_topic_type=constants.REFUND_AGENT_TYPE,
            user_topic_type=USER_TOPIC_TYPE,
        ),
    )
    await runtime.add_subscription(TypeSubscription(topic_type=constants.REFUND_AGENT_TYPE, agent_type=refund_type.type))

    human_type = await HumanAgent.register(runtime, type=HUMAN_AGENT_TYPE, factory=lambda: HumanAgent(description="The chargeback team", queue_name="chargebacks"))
    await runtime.add_subscription(TypeSubscription(topic_type=HUMAN_AGENT_TYPE, agent_type=human_type.type))

    runtime.start()
    question = input("Merchant question: ")
    await runtime.publish_message(UserTask(context=[UserMessage(content=question, source="User")]), topic_id=TopicId(TRIAGE_AGENT_TYPE, source=str(uuid.uuid4())))
    await runtime.stop_when_idle()
    await model_client.close()


if __name__ == "__main__":
    asyncio.run(main())
