"""Nightly digest of payment-network notices: the agent reads the notice pages the index links to."""
import requests
from strands import Agent, tool

INDEX = "https://status.northwind-pay.example/notices.json"


@tool
def read_notice(url: str) -> str:
    """Fetch one notice page."""
    return requests.get(url, timeout=20).text


def main() -> None:
    notices = requests.get(INDEX, timeout=20).json()
    agent = Agent(system_prompt="Summarise what changed for card acquiring.", tools=[read_notice])
    print(agent(f"Summarise these notices: {notices}"))


if __name__ == "__main__":
    main()
