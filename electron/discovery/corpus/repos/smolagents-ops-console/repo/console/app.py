import os

import gradio as gr
from smolagents import OpenAIServerModel, ToolCallingAgent, WebSearchTool

from incidents import open_incident
from ledger import account_balance

model = OpenAIServerModel(model_id="gpt-4.1", api_key=os.environ["OPENAI_API_KEY"])

specialists = {}
manager = None


def setup():
    global manager
    specialists["ledger"] = ToolCallingAgent(
        tools=[account_balance],
        model=model,
        name="ledger_analyst",
        description="Answers questions about ledger account balances.",
    )
    specialists["status"] = ToolCallingAgent(
        tools=[WebSearchTool()],
        model=model,
        name="status_researcher",
        description="Looks up card network and bank status pages for ongoing outages.",
    )
    specialists["incidents"] = ToolCallingAgent(
        tools=[open_incident],
        model=model,
        name="incident_opener",
        description="Opens an incident for the payments on-call team.",
    )
    manager = ToolCallingAgent(tools=[], model=model, managed_agents=list(specialists.values()), max_steps=6)


def respond(message, history):
    return str(manager.run(message))


if __name__ == "__main__":
    setup()
    gr.ChatInterface(fn=respond, type="messages", title="Payments ops console").launch(server_name="0.0.0.0", server_port=7860)
