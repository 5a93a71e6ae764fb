"""CronJob entry point: one graph run per currency the treasury desk manages."""
import datetime as dt
import logging
import os

from langgraph.checkpoint.postgres import PostgresSaver

from forecaster.graph import build_graph

log = logging.getLogger("treasury-cash-forecaster")
CURRENCIES = ["EUR", "GBP", "PLN", "SEK"]


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    run_id = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M")
    with PostgresSaver.from_conn_string(os.environ["TREASURY_DB_URL"]) as checkpointer:
        graph = build_graph(checkpointer)
        for currency in CURRENCIES:
            result = graph.invoke(
                {"messages": [("user", f"Forecast {currency} for the next 14 days.")]},
                config={"configurable": {"thread_id": f"{run_id}-{currency}"}, "recursion_limit": 20},
            )
            log.info("%s: %s", currency, result["messages"][-1].content[:200])


if __name__ == "__main__":
    main()
