from langgraph.prebuilt import create_react_agent

from support_desk.models import worker_model
from support_desk.tools.web import fetch_page, search_docs

research_agent = create_react_agent(
    model=worker_model,
    tools=[search_docs, fetch_page],
    name="research_agent",
    prompt="You answer questions about Northwind Pay's API from the public docs and the status page. Quote the page you used.",
)

# Deployed on its own as well (the docs search box calls it directly).
graph = research_agent
