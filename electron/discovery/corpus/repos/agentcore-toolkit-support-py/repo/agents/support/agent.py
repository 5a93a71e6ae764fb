"""Northwind support desk on AgentCore Runtime: a LangGraph ReAct agent over Bedrock."""
import os

import requests
from bedrock_agentcore.runtime import BedrockAgentCoreApp
from langchain_aws import ChatBedrockConverse
from langchain_core.tools import tool
from langgraph.prebuilt import create_react_agent

app = BedrockAgentCoreApp()
llm = ChatBedrockConverse(model="eu.anthropic.claude-3-7-sonnet-20250219-v1:0", region_name="eu-west-1")


@tool
def escalate_to_oncall(summary: str) -> str:
    """Post a summary of the customer's problem to the on-call Slack channel."""
    requests.post(os.environ["ONCALL_SLACK_WEBHOOK"], json={"text": summary}, timeout=10)
    return "posted"


graph = create_react_agent(llm, tools=[escalate_to_oncall], prompt="You are Northwind's support desk.")


@app.entrypoint
def invoke(payload):
    result = graph.invoke({"messages": [("user", payload.get("prompt", ""))]})
    return {"result": result["messages"][-1].content}


if __name__ == "__main__":
    app.run()
