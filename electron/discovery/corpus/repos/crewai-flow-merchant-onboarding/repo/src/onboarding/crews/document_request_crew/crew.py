import os

import requests
from crewai import Agent, Crew, Process, Task
from crewai.tools import tool


@tool("open_document_request")
def open_document_request(application_id: str, documents: str) -> str:
    """Open a document request in the onboarding portal; the merchant is emailed by the portal."""
    response = requests.post(
        "https://onboarding.internal.northwind-pay.example/api/document-requests",
        json={"application_id": application_id, "documents": documents.split(",")},
        headers={"Authorization": f"Bearer {os.environ['ONBOARDING_PORTAL_TOKEN']}"},
        timeout=15,
    )
    response.raise_for_status()
    return response.json()["id"]


def document_request_crew() -> Crew:
    analyst = Agent(
        role="Onboarding risk analyst",
        goal="Decide which documents a high-risk merchant must provide",
        backstory="You know card-scheme onboarding rules for every region Northwind Pay serves.",
        llm="gpt-4o",
    )
    requester = Agent(
        role="Document requester",
        goal="Open the document request the analyst decided on",
        backstory="You file document requests precisely.",
        tools=[open_document_request],
        llm="gpt-4o-mini",
    )
    decide = Task(description="List the documents to request for {application}.", expected_output="A comma-separated list of documents.")
    file_request = Task(description="Open the document request for {application}.", expected_output="The request id.")
    return Crew(agents=[analyst, requester], tasks=[decide, file_request], process=Process.hierarchical, manager_llm="gpt-4o")
