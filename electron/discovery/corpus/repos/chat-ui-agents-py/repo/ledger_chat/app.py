"""Ask the ledger replica in plain English: LangChain's SQL agent writes and runs the queries."""
import chainlit as cl

from ledger_chat.agent import build_sql_agent


@cl.on_chat_start
async def start():
    cl.user_session.set("agent", build_sql_agent())


@cl.on_message
async def on_message(message: cl.Message):
    agent = cl.user_session.get("agent")
    result = await cl.make_async(agent.invoke)({"input": message.content})
    await cl.Message(content=result["output"]).send()
