"""Northwind Pay support OS: serves the ledger agent and the support team over AgentOS's API."""
from agno.os import AgentOS

from agents.ledger import ledger_agent
from agents.support import support_team

agent_os = AgentOS(
    id="northwind-support",
    description="Merchant support agents",
    agents=[ledger_agent],
    teams=[support_team],
)
app = agent_os.get_app()

if __name__ == "__main__":
    agent_os.serve(app="app:app", port=7777)
