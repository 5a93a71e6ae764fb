from langgraph_supervisor import create_supervisor

from chargebacks.agents import evidence_agent
from chargebacks.models import model

graph = create_supervisor(
    [evidence_agent],
    model=model,
    prompt="You run the evidence desk. Send every dispute to evidence_agent and summarise what it found for the analyst.",
).compile(name="evidence_desk")
