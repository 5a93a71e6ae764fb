from langchain_openai import ChatOpenAI
from langgraph.graph import START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition

from agent.tools import TOOLS

SYSTEM_PROMPT = """You are Northwind Pay's tier-1 support assistant.
Read the ticket, check the customer's recent transactions, then either resolve it,
ask the customer for what is missing, or hand it to the merchant team.
Offer a goodwill credit only when the failure was ours, and never above 20 EUR."""


def build_graph():
    model = ChatOpenAI(model="gpt-4o-mini", temperature=0, max_tokens=1024).bind_tools(TOOLS)

    def call_model(state: MessagesState):
        return {"messages": [model.invoke([("system", SYSTEM_PROMPT), *state["messages"]])]}

    graph = StateGraph(MessagesState)
    graph.add_node("agent", call_model)
    graph.add_node("tools", ToolNode(TOOLS))
    graph.add_edge(START, "agent")
    graph.add_conditional_edges("agent", tools_condition)
    graph.add_edge("tools", "agent")
    return graph.compile()
