from langgraph_supervisor import create_supervisor

from support_desk.agents.billing import billing_agent
from support_desk.models import router_model
from support_desk.research import research_agent

SUPERVISOR_PROMPT = """You run Northwind Pay's merchant support desk.
Send questions about invoices, fees and refunds to billing_agent.
Send questions about how the product works, outages and API errors to research_agent.
Answer the merchant yourself only when both have replied."""

graph = create_supervisor(
    model=router_model,
    agents=[billing_agent, research_agent],
    prompt=SUPERVISOR_PROMPT,
    output_mode="last_message",
).compile(name="support")
