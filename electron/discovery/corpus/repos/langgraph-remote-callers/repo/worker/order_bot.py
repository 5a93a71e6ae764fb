"""Answers order questions from the support inbox queue; disputes go to the deployed dispute helper."""
import json
import os

import psycopg
import redis
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.pregel.remote import RemoteGraph
from langgraph.prebuilt import create_react_agent

from worker import summarise as summ

dispute_helper = RemoteGraph("dispute_helper", url="https://disputes.northwind-pay.example")


@tool
def recent_orders(customer_id: str) -> str:
    """The customer's last ten orders, summarised."""
    with psycopg.connect(os.environ["ORDERS_DB_URL"]) as conn, conn.cursor() as cur:
        cur.execute("SELECT id, status, total FROM orders WHERE customer_id = %s ORDER BY created_at DESC LIMIT 10", (customer_id,))
        orders = [{"id": r[0], "status": r[1], "total": r[2]} for r in cur.fetchall()]
    return summ.order_history_digest(orders)


@tool
def ask_dispute_helper(question: str) -> str:
    """Ask the dispute helper about a card dispute."""
    result = dispute_helper.invoke({"messages": [{"role": "user", "content": question}]})
    return result["messages"][-1]["content"]


bot = create_react_agent(ChatOpenAI(model="gpt-4.1-mini"), tools=[recent_orders, ask_dispute_helper], name="order_bot")


def main() -> None:
    queue = redis.Redis.from_url(os.environ["REDIS_URL"])
    while True:
        _, raw = queue.blpop("support:orders")
        message = json.loads(raw)
        answer = bot.invoke({"messages": [{"role": "user", "content": message["text"]}]})
        queue.rpush("support:replies", json.dumps({"ticket": message["ticket"], "text": answer["messages"][-1].content}))


if __name__ == "__main__":
    main()
