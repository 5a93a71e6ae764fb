import os

import requests
from smolagents import tool


@tool
def open_incident(title: str, severity: str) -> str:
    """Open an incident for the payments on-call team.

    Args:
        title: One line saying what is broken.
        severity: sev1, sev2 or sev3.
    """
    response = requests.post(
        "https://events.pagerduty.com/v2/enqueue",
        json={"routing_key": os.environ["PAGERDUTY_ROUTING_KEY"], "event_action": "trigger", "payload": {"summary": title, "severity": severity, "source": "ops-console"}},
        timeout=10,
    )
    return response.json().get("dedup_key", "")
