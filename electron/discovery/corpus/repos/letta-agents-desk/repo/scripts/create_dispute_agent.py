"""Creates the dispute agent on the Letta server, with its model and memory. Run once by hand."""

import os

from letta_client import Letta


def main() -> None:
    client = Letta(base_url=os.environ["LETTA_BASE_URL"], token=os.environ["LETTA_TOKEN"])
    agent = client.agents.create(
        name="northwind-dispute-desk",
        model="anthropic/claude-sonnet-4-5",
        embedding="openai/text-embedding-3-small",
        memory_blocks=[
            {"label": "persona", "value": "You help Northwind Pay's dispute desk. You never promise refunds."},
            {"label": "policies", "value": "Chargebacks over 250 EUR need a supervisor."},
        ],
    )
    print(f"LETTA_AGENT_ID={agent.id}")


if __name__ == "__main__":
    main()
