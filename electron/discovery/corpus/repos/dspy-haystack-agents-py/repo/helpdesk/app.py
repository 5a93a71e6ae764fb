"""Ops helpdesk: a Haystack Agent that can page the payments on-call channel."""
import os

import uvicorn
from fastapi import FastAPI
from haystack.components.agents import Agent
from haystack.components.generators.chat import OpenAIChatGenerator
from haystack.dataclasses import ChatMessage
from haystack.tools import tool
from slack_sdk import WebClient

slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])


@tool
def page_oncall(summary: str) -> str:
    """Post an incident summary to #payments-oncall."""
    slack.chat_postMessage(channel="#payments-oncall", text=summary)
    return "posted"


agent = Agent(
    chat_generator=OpenAIChatGenerator(model="gpt-4.1-mini"),
    system_prompt="Help the ops team triage payment incidents. Page on-call only for outages.",
    tools=[page_oncall],
)

app = FastAPI()


@app.post("/ask")
async def ask(body: dict) -> dict:
    result = agent.run(messages=[ChatMessage.from_user(body["question"])])
    return {"answer": result["last_message"].text}


if __name__ == "__main__":
    uvicorn.run(app, port=8040)
