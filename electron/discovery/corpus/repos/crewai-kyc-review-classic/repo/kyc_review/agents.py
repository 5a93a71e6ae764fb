from crewai import Agent
from langchain_openai import ChatOpenAI

from kyc_review.tools import post_to_compliance, read_kyc_record

gpt4o = ChatOpenAI(model="gpt-4o", temperature=0)


class KycAgents:
    def document_checker(self):
        return Agent(
            role="KYC document checker",
            goal="Check that a merchant's documents match the details they registered with",
            backstory="You review business registrations and proofs of address every day.",
            tools=[read_kyc_record],
            llm=gpt4o,
            verbose=True,
        )

    def risk_analyst(self):
        return Agent(
            role="Merchant risk analyst",
            goal="Rate the merchant's onboarding risk from the checker's findings",
            backstory="You know which business categories see the most chargebacks.",
            llm=gpt4o,
            allow_delegation=False,
        )

    def escalation_coordinator(self):
        return Agent(
            role="Escalation coordinator",
            goal="Tell the compliance team which merchants need a human review",
            backstory="You keep compliance summaries short and actionable.",
            tools=[post_to_compliance],
            llm=gpt4o,
        )
