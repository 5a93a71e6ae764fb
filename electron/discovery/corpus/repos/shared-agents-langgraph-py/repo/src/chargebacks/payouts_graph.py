from langgraph.graph import END, START, MessagesState, StateGraph

from chargebacks import payout_agent
from chargebacks.tools import snapshot_payouts

SNAPSHOT = "/mnt/finance/open-payouts.csv"


def snapshot(state: MessagesState):
    # Finance wants the list as it was before any hold.
    snapshot_payouts.invoke({"path": SNAPSHOT})
    return {}


builder = StateGraph(MessagesState)
builder.add_node("snapshot", snapshot)
builder.add_node("payouts", payout_agent)
builder.add_edge(START, "snapshot")
builder.add_edge("snapshot", "payouts")
builder.add_edge("payouts", END)
graph = builder.compile()
