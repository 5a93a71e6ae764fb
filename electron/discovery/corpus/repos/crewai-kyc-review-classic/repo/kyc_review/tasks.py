from crewai import Task


class KycTasks:
    def check_documents(self, agent, merchant_id):
        return Task(description=f"Check the KYC documents of merchant {merchant_id}.", expected_output="Mismatches found", agent=agent)

    def rate_risk(self, agent):
        return Task(description="Rate the onboarding risk from the findings.", expected_output="low, medium or high, with reasons", agent=agent)

    def escalate(self, agent):
        return Task(description="Post the merchants that need a human review.", expected_output="Confirmation", agent=agent)
