from crewai import LLM, Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task

from src.chargeback_crew.tools import FileRepresentmentTool, PaymentLookupTool


@CrewBase
class ChargebackCrew:
    """Evidence pack and representment letter for one card dispute."""

    agents_config = "config/agents.yaml"
    tasks_config = "config/tasks.yaml"

    llm = LLM(model="anthropic/claude-3-5-sonnet-20241022", temperature=0)

    @agent
    def investigator(self) -> Agent:
        return Agent(
            config=self.agents_config["investigator"],
            tools=[PaymentLookupTool()],
            llm=self.llm,
            verbose=True,
        )

    @agent
    def letter_writer(self) -> Agent:
        return Agent(
            config=self.agents_config["letter_writer"],
            tools=[FileRepresentmentTool()],
            llm=self.llm,
            allow_delegation=False,
        )

    @task
    def gather_evidence(self) -> Task:
        return Task(config=self.tasks_config["gather_evidence"])

    @task
    def write_letter(self) -> Task:
        return Task(config=self.tasks_config["write_letter"], context=[self.gather_evidence()])

    @crew
    def crew(self) -> Crew:
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.sequential, verbose=True)
