"""Ask the invoice agent a question from a terminal, without the web app."""
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent

agent = create_react_agent(ChatOpenAI(model="gpt-4.1-mini"), tools=[])

if __name__ == "__main__":
    print(agent.invoke({"messages": [("user", "Which invoices of ACME are overdue?")]})["messages"][-1].content)
