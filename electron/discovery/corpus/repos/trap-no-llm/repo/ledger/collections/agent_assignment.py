"""Assigns overdue merchant balances to collection agents (people), round-robin by workload."""
from dataclasses import dataclass


@dataclass
class CollectionAgent:
    email: str
    open_cases: int
    languages: set[str]


def assign(case_language: str, agents: list[CollectionAgent]) -> CollectionAgent:
    speakers = [a for a in agents if case_language in a.languages] or agents
    chosen = min(speakers, key=lambda a: a.open_cases)
    chosen.open_cases += 1
    return chosen
