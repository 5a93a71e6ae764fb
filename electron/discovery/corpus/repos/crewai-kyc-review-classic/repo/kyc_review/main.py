import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from crewai import Crew, Process

from kyc_review.agents import KycAgents
from kyc_review.tasks import KycTasks


def review(merchant_id: str) -> str:
    agents = KycAgents()
    tasks = KycTasks()

    checker = agents.document_checker()
    analyst = agents.risk_analyst()
    coordinator = agents.escalation_coordinator()

    crew = Crew(
        agents=[checker, analyst, coordinator],
        tasks=[tasks.check_documents(checker, merchant_id), tasks.rate_risk(analyst), tasks.escalate(coordinator)],
        process=Process.sequential,
    )
    return crew.kickoff()


if __name__ == "__main__":
    for merchant in os.environ.get("MERCHANTS_TO_REVIEW", "mer_001").split(","):
        print(review(merchant))
