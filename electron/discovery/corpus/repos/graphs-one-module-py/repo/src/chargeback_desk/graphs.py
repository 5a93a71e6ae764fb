"""Two graphs of langgraph.json live here: the refund desk and the read-only charge lookup."""
from langgraph.prebuilt import create_react_agent

from chargeback_desk.tools import read_charge, refund_charge, void_dispute

REFUND_PROMPT = "You refund charges that support approved. Check the charge first."
LOOKUP_PROMPT = "You answer questions about card charges. You cannot change anything."

refund_desk = create_react_agent(
    "openai:gpt-4.1",
    tools=[read_charge, refund_charge],
    prompt=REFUND_PROMPT,
    name="refund_desk",
)

charge_lookup = create_react_agent(
    "openai:gpt-4.1-mini",
    tools=[read_charge],
    prompt=LOOKUP_PROMPT,
    name="charge_lookup",
)

# A clean-up agent tried out in a notebook; langgraph.json does not serve it.
cleanup_draft = create_react_agent("openai:gpt-4.1-mini", tools=[void_dispute], name="cleanup_draft")
