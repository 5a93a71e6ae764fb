#!/usr/bin/env python
"""Nightly onboarding triage: pending applications are scored by a model and routed."""
import json

from crewai.flow.flow import Flow, listen, router, start
from litellm import completion

from onboarding.crews.document_request_crew.crew import document_request_crew
from onboarding.db import connect

RISK_PROMPT = "Rate the onboarding risk of this merchant application as 'high' or 'low'. Answer with one word."


class TriageFlow(Flow):
    model = "gpt-4o-mini"

    @start()
    def load_pending(self):
        with connect() as conn:
            rows = conn.execute("SELECT id, legal_name, mcc, country, expected_volume_minor FROM applications WHERE status = 'pending'").fetchall()
        self.state["applications"] = [dict(zip(["id", "legal_name", "mcc", "country", "expected_volume_minor"], row)) for row in rows]

    @router(load_pending)
    def score(self):
        self.state["high"], self.state["low"] = [], []
        for application in self.state["applications"]:
            response = completion(model=self.model, messages=[{"role": "system", "content": RISK_PROMPT}, {"role": "user", "content": json.dumps(application)}])
            risk = response["choices"][0]["message"]["content"].strip().lower()
            self.state["high" if risk == "high" else "low"].append(application)
        return "high_risk" if self.state["high"] else "low_risk"

    @listen("high_risk")
    def request_documents(self):
        for application in self.state["high"]:
            document_request_crew().kickoff(inputs={"application": json.dumps(application)})

    @listen("low_risk")
    def approve(self):
        with connect() as conn:
            for application in self.state["low"]:
                conn.execute("UPDATE applications SET status = 'approved', approved_by = 'onboarding-triage' WHERE id = %s", (application["id"],))


def kickoff():
    TriageFlow().kickoff()


def plot():
    TriageFlow().plot()


if __name__ == "__main__":
    kickoff()
