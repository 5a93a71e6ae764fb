import asyncio
from contextlib import asynccontextmanager

import yaml
from autogen_core import SingleThreadedAgentRuntime, TopicId, TypeSubscription
from autogen_core.models import SystemMessage, UserMessage
from autogen_ext.models.openai import AzureOpenAIChatCompletionClient
from fastapi import FastAPI, Request
from fastapi.responses import StreamingResponse
from fastapi.staticfiles import StaticFiles

from agent_base import DeskAgent
from customer_agent import CustomerAgent
from messages import CustomerTask
from refund_tools import issue_refund_tool, look_up_payment_tool

runtime = SingleThreadedAgentRuntime()
replies: asyncio.Queue = asyncio.Queue()

customer_topic_type = "Customer"
payments_topic_type = "PaymentsAgent"


@asynccontextmanager
async def lifespan(app: FastAPI):
    with open("model_config.yaml") as file:
        model_client = AzureOpenAIChatCompletionClient.load_component(yaml.safe_load(file))

    refunds_type = await DeskAgent.register(
        runtime,
        type="RefundsAgent",
        factory=lambda: DeskAgent(
            description="Refunds payments after checking them.",
            system_message=SystemMessage(content="You refund payments for Northwind Pay customers. Check the payment first."),
            model_client=model_client,
            tools=[look_up_payment_tool, issue_refund_tool],
            user_topic_type=customer_topic_type,
        ),
    )
    await runtime.add_subscription(TypeSubscription(topic_type="RefundsAgent", agent_type=refunds_type.type))

    payments_type = await DeskAgent.register(
        runtime,
        type=payments_topic_type,
        factory=lambda: DeskAgent(
            description="Explains payment statuses.",
            system_message=SystemMessage(content="You explain why a payment has the status it has."),
            model_client=model_client,
            tools=[look_up_payment_tool],
            user_topic_type=customer_topic_type,
        ),
    )
    await runtime.add_subscription(TypeSubscription(topic_type=payments_topic_type, agent_type=payments_type.type))

    customer_type = await CustomerAgent.register(runtime, type=customer_topic_type, factory=lambda: CustomerAgent(description="The customer", replies=replies))
    await runtime.add_subscription(TypeSubscription(topic_type=customer_topic_type, agent_type=customer_type.type))

    runtime.start()
    yield
    await runtime.stop()


app = FastAPI(lifespan=lifespan)
app.mount("/static", StaticFiles(directory="static"), name="static")


@app.post("/chat")
async def chat(request: Request):
    body = await request.json()
    route = "RefundsAgent" if "refund" in body["message"].lower() else payments_topic_type
    await runtime.publish_message(CustomerTask(context=[UserMessage(content=body["message"], source="User")]), topic_id=TopicId(route, source=body["conversation_id"]))

    async def stream():
        yield str(await replies.get())

    return StreamingResponse(stream(), media_type="text/plain")


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=8501)
