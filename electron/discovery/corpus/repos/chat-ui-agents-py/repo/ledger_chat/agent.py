import os

from langchain_community.agent_toolkits import SQLDatabaseToolkit, create_sql_agent
from langchain_community.utilities import SQLDatabase
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)


def build_sql_agent():
    db = SQLDatabase.from_uri(os.environ["LEDGER_REPLICA_URL"], include_tables=["payouts", "settlements", "fees"])
    toolkit = SQLDatabaseToolkit(db=db, llm=llm)
    return create_sql_agent(llm=llm, toolkit=toolkit, agent_type="openai-tools", max_iterations=8)
