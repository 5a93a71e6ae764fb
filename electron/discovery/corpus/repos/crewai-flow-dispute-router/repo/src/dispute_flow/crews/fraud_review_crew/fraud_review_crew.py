from crewai import Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task

from dispute_flow.crews.fraud_review_crew.tools import LedgerLookupTool


@CrewBase
class FraudReviewCrew:
    agents_config = "config/agents.yaml"
    tasks_config = "config/tasks.yaml"

    @agent
    def investigator(self) -> Agent:
        return Agent(config=self.agents_config["investigator"], tools=[LedgerLookupTool()])

    @agent
    def reviewer(self) -> Agent:
        return Agent(config=self.agents_config["reviewer"])

    @task
    def investigate(self) -> Task:
        return Task(config=self.tasks_config["investigate"])

    @task
    def decide(self) -> Task:
        return Task(config=self.tasks_config["decide"])

    @crew
    def crew(self) -> Crew:
        # The manager CrewAI builds from manager_llm delegates the tasks to the two agents.
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.hierarchical, manager_llm="gpt-4o")
