"""Two hand-built graphs: dispute notes (writes the bank's dispute file) and chargeback review (reads only)."""
from langchain_openai import ChatOpenAI
from langgraph.graph import START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, tools_condition

from chargeback_desk.tools import read_charge, write_dispute_note

llm = ChatOpenAI(model="gpt-4.1", temperature=0)
notes_model = llm.bind_tools([read_charge, write_dispute_note])
review_model = llm.bind_tools([read_charge])


def draft_note(state: MessagesState):
    return {"messages": [notes_model.invoke(state["messages"])]}


def review(state: MessagesState):
    return {"messages": [review_model.invoke(state["messages"])]}


notes_builder = StateGraph(MessagesState)
notes_builder.add_node("agent", draft_note)
notes_builder.add_node("tools", ToolNode([read_charge, write_dispute_note]))
notes_builder.add_edge(START, "agent")
notes_builder.add_conditional_edges("agent", tools_condition)
notes_builder.add_edge("tools", "agent")
dispute_notes = notes_builder.compile()

review_builder = StateGraph(MessagesState)
review_builder.add_node("agent", review)
review_builder.add_node("tools", ToolNode([read_charge]))
review_builder.add_edge(START, "agent")
review_builder.add_conditional_edges("agent", tools_condition)
review_builder.add_edge("tools", "agent")
chargeback_review = review_builder.compile()
