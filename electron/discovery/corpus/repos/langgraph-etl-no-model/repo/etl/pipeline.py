"""Settlement import as a LangGraph workflow: list, read, write, with retries per step. No LLM."""
from datetime import date
from typing import TypedDict

from langchain_core.runnables import RunnableConfig
from langgraph.graph import END, START, StateGraph
from langgraph.types import RetryPolicy

from etl import steps


class SettlementState(TypedDict):
    keys: list[str]
    rows: list[dict]
    written: int


def list_files(state: SettlementState, config: RunnableConfig) -> dict:
    return {"keys": steps.list_new_files(f"incoming/{config['configurable']['day']}/")}


def read_files(state: SettlementState) -> dict:
    return {"rows": [row for key in state["keys"] for row in steps.read_rows(key)]}


def write_ledger(state: SettlementState) -> dict:
    return {"written": steps.write_rows(state["rows"])}


builder = StateGraph(SettlementState)
builder.add_node("list_files", list_files, retry=RetryPolicy(max_attempts=3))
builder.add_node("read_files", read_files, retry=RetryPolicy(max_attempts=3))
builder.add_node("write_ledger", write_ledger)
builder.add_edge(START, "list_files")
builder.add_edge("list_files", "read_files")
builder.add_edge("read_files", "write_ledger")
builder.add_edge("write_ledger", END)
pipeline = builder.compile()


if __name__ == "__main__":
    result = pipeline.invoke({"keys": [], "rows": [], "written": 0}, config={"configurable": {"day": date.today().isoformat()}})
    print(f"wrote {result['written']} settlement rows")
