import sys

from smolagents import CodeAgent, LiteLLMModel, ToolCallingAgent

from fx_tools import latest_rate, settlement_due

model = LiteLLMModel(model_id="anthropic/claude-3-5-sonnet-latest", temperature=0)

rates_agent = ToolCallingAgent(
    tools=[latest_rate],
    model=model,
    name="rates",
    description="Quotes the latest exchange rate between two currencies.",
)

settlement_agent = ToolCallingAgent(
    tools=[settlement_due],
    model=model,
    name="settlements",
    description="Tells what a merchant is due at the next settlement, by currency.",
)

manager = CodeAgent(
    tools=[],
    model=model,
    managed_agents=[rates_agent, settlement_agent],
    additional_authorized_imports=["decimal"],
    max_steps=8,
)

question = " ".join(sys.argv[1:]) or "What do we owe mer_204 in EUR today?"
print(manager.run(question))
