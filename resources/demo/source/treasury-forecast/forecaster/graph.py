import os

from langchain_aws import ChatBedrockConverse
from langgraph.checkpoint.postgres import PostgresSaver
from langgraph.graph import START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition

from forecaster.tools import TOOLS

SYSTEM = """You are the treasury cash forecaster of Northwind Pay.
For the currency you are given: read the ledger balances and scheduled payouts, convert foreign
balances with today's fixings, and save a 14-day forecast with a low and high band.
Explain the main drivers in two sentences as the rationale."""


def build_graph(checkpointer: PostgresSaver):
    model = ChatBedrockConverse(
        model=os.environ["BEDROCK_MODEL_ID"],
        region_name=os.environ.get("AWS_REGION", "eu-central-1"),
        temperature=0,
        max_tokens=4_096,
    ).bind_tools(TOOLS)

    def forecast(state: MessagesState):
        return {"messages": [model.invoke([("system", SYSTEM), *state["messages"]])]}

    graph = StateGraph(MessagesState)
    graph.add_node("forecast", forecast)
    graph.add_node("tools", ToolNode(TOOLS))
    graph.add_edge(START, "forecast")
    graph.add_conditional_edges("forecast", tools_condition)
    graph.add_edge("tools", "forecast")
    return graph.compile(checkpointer=checkpointer)
