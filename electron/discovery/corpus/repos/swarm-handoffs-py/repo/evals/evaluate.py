"""Routing evals: does triage pick the right specialist for each golden conversation?"""
import json

from swarm import Swarm

from desk.agents import triage_agent


def main() -> None:
    client = Swarm()
    cases = json.load(open("evals/cases.json"))
    correct = 0
    for case in cases:
        response = client.run(agent=triage_agent, messages=case["messages"], max_turns=1)
        correct += response.agent.name == case["expected_agent"]
    print(f"{correct}/{len(cases)} routed correctly")


if __name__ == "__main__":
    main()
