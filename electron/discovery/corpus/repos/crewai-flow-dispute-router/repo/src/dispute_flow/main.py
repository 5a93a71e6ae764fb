#!/usr/bin/env python
from crewai import LLM
from crewai.flow.flow import Flow, listen, router, start
from pydantic import BaseModel

from dispute_flow.crews.fraud_review_crew.fraud_review_crew import FraudReviewCrew
from dispute_flow.crews.service_reply_crew.service_reply_crew import service_reply_crew
from dispute_flow.store import mark_routed, new_disputes
from dispute_flow.types import Dispute


class RoutingState(BaseModel):
    disputes: list[Dispute] = []
    fraud: list[Dispute] = []
    service: list[Dispute] = []


class DisputeFlow(Flow[RoutingState]):
    @start()
    def load_disputes(self):
        self.state.disputes = new_disputes()

    @router(load_disputes)
    def classify(self):
        classifier = LLM(model="gpt-4o-mini", temperature=0)
        for dispute in self.state.disputes:
            label = classifier.call(
                [
                    {"role": "system", "content": "Answer 'fraud' when the customer says they did not make the payment, else 'service'."},
                    {"role": "user", "content": dispute.customer_note},
                ]
            )
            (self.state.fraud if "fraud" in label.lower() else self.state.service).append(dispute)
        return "fraud" if self.state.fraud else "service"

    @listen("fraud")
    def review_fraud(self):
        for dispute in self.state.fraud:
            FraudReviewCrew().crew().kickoff(inputs={"dispute": dispute.model_dump_json()})
            mark_routed(dispute.id, "fraud")

    @listen("service")
    def reply_to_service_disputes(self):
        for dispute in self.state.service:
            service_reply_crew().kickoff(inputs={"dispute": dispute.model_dump_json()})
            mark_routed(dispute.id, "service")


def kickoff():
    DisputeFlow().kickoff()


def plot():
    DisputeFlow().plot()


if __name__ == "__main__":
    kickoff()
