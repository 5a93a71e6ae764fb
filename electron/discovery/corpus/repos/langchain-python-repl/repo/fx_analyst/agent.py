import os

import pandas as pd
import psycopg2
import pymsteams
from langchain.agents.agent_toolkits import create_python_agent
from langchain.agents.agent_types import AgentType
from langchain.chat_models import ChatOpenAI
from langchain.tools.python.tool import PythonREPLTool

QUOTES_SQL = """
SELECT q.quoted_at, q.pair, q.rate AS quoted, m.rate AS market
FROM fx_quotes q JOIN fx_market_rates m ON m.pair = q.pair AND m.minute = date_trunc('minute', q.quoted_at)
WHERE q.quoted_at > now() - interval '4 hours'
"""


def load_quotes() -> pd.DataFrame:
    with psycopg2.connect(os.environ["TREASURY_DB_URL"]) as conn:
        return pd.read_sql(QUOTES_SQL, conn)


def review_fx_anomalies() -> str:
    quotes = load_quotes()
    quotes.to_pickle("/tmp/fx_quotes.pkl")
    agent = create_python_agent(
        llm=ChatOpenAI(model_name="gpt-4", temperature=0),
        tool=PythonREPLTool(),
        agent_type=AgentType.ZERO_SHOT_REACT_DESCRIPTION,
        verbose=True,
    )
    report = agent.run(
        "Load /tmp/fx_quotes.pkl with pandas. Find quotes more than 0.4% away from the market rate, "
        "group them by pair and hour, and explain the three largest clusters in plain English."
    )
    card = pymsteams.connectorcard(os.environ["TREASURY_TEAMS_WEBHOOK_URL"])
    card.title("FX quote anomalies (last 4 hours)")
    card.text(report)
    card.send()
    return report
