"""Search, then a panel of Groq models votes on the answer and a reviewer checks it."""
import asyncio
import operator
import os
from collections import Counter
from typing import Annotated, TypedDict

from langchain_community.tools.tavily_search import TavilySearchResults
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_core.tools import tool
from langchain_groq import ChatGroq
from langgraph.graph import END, StateGraph

PANEL_PROMPT = "Answer the card-network dispute question from the search results only. End with 'ANSWER: ...'."
REVIEW_PROMPT = "Check the proposed answer against the question. Reply 'OK: <answer>' or 'FIXED: <answer>'."


@tool
def search_dispute_rules(query: str) -> str:
    """Search the web for card-network dispute rules."""
    results = TavilySearchResults(max_results=3).invoke({"query": query})
    return "\n\n".join(f"{r.get('url', '')}: {r.get('content', '')}" for r in results)


class ResearchState(TypedDict):
    question: str
    sources: str
    notes: Annotated[list[str], operator.add]
    answer: str


class DisputeResearchGraph:
    def __init__(self):
        key = os.environ["GROQ_API_KEY"]
        self.panel = [ChatGroq(model=name, temperature=0.1, api_key=key) for name in ("llama-3.3-70b-versatile", "llama-3.1-8b-instant")]
        self.reviewer = self.panel[0]
        graph = StateGraph(ResearchState)
        graph.add_node("search", self.search)
        graph.add_node("vote", self.vote)
        graph.set_entry_point("search")
        graph.add_edge("search", "vote")
        graph.add_edge("vote", END)
        self.graph = graph.compile()

    def search(self, state: ResearchState) -> dict:
        return {"sources": search_dispute_rules.invoke({"query": state["question"]}), "notes": ["searched"]}

    async def vote(self, state: ResearchState) -> dict:
        prompt = f"Question: {state['question']}\n\nSearch results:\n{state['sources']}"
        replies = await asyncio.gather(*(m.ainvoke([SystemMessage(content=PANEL_PROMPT), HumanMessage(content=prompt)]) for m in self.panel))
        answers = [r.content.split("ANSWER:")[-1].strip() for r in replies]
        winner = Counter(answers).most_common(1)[0][0]
        review = await self.reviewer.ainvoke([SystemMessage(content=REVIEW_PROMPT), HumanMessage(content=f"Question: {state['question']}\nAnswer: {winner}")])
        return {"answer": review.content.split(":", 1)[-1].strip(), "notes": ["voted", "reviewed"]}

    def answer(self, question: str) -> dict:
        final = asyncio.run(self.graph.ainvoke({"question": question, "notes": []}))
        return {"answer": final["answer"], "notes": final["notes"]}


if __name__ == "__main__":
    desk = DisputeResearchGraph()
    while True:
        question = input("Question (or 'exit'): ")
        if question == "exit":
            break
        print(desk.answer(question)["answer"])
