from crewai import LLM, Agent, Crew, Process, Task
from crewai.project import CrewBase, agent, crew, task
from crewai_tools import SerperDevTool

from market_briefing.tools import FetchPageTool, SendBriefingEmailTool


@CrewBase
class MarketBriefingCrew:
    agents_config = "config/agents.yaml"
    tasks_config = "config/tasks.yaml"

    llm = LLM(model="gpt-4o", temperature=0.2, max_tokens=4_000)

    @agent
    def researcher(self) -> Agent:
        return Agent(
            config=self.agents_config["researcher"],
            tools=[SerperDevTool(n_results=8), FetchPageTool()],
            llm=self.llm,
            max_iter=15,
        )

    @agent
    def editor(self) -> Agent:
        return Agent(
            config=self.agents_config["editor"],
            tools=[SendBriefingEmailTool()],
            llm=self.llm,
            allow_delegation=False,
        )

    @task
    def research_task(self) -> Task:
        return Task(config=self.tasks_config["research_task"])

    @task
    def briefing_task(self) -> Task:
        return Task(config=self.tasks_config["briefing_task"])

    @crew
    def crew(self) -> Crew:
        return Crew(agents=self.agents, tasks=self.tasks, process=Process.sequential, verbose=True)
