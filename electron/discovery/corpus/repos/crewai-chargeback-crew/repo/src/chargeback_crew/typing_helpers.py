"""Helpers for reading crew output; they name CrewAI's types and build nothing."""
from crewai import Agent, Crew, Task
from crewai.crews.crew_output import CrewOutput


def describe(agent: Agent) -> str:
    return f"{agent.role}: {agent.goal}"


def task_titles(crew: Crew) -> list[str]:
    return [task.description.splitlines()[0] for task in crew.tasks]


def summary(output: CrewOutput, tasks: list[Task]) -> str:
    return f"{len(tasks)} tasks, {output.token_usage.total_tokens} tokens"
