"""A chat window on the support graph for the support team to try prompts locally."""
import chainlit as cl

from support_agent.graph import graph


@cl.on_message
async def on_message(message: cl.Message) -> None:
    result = await graph.ainvoke({"messages": [("user", message.content)]})
    await cl.Message(content=result["messages"][-1].content).send()
