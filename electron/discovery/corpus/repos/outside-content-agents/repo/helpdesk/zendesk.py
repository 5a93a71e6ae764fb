"""Zendesk REST calls of the helpdesk triage job."""
import os

import requests

SUBDOMAIN = os.environ["ZENDESK_SUBDOMAIN"]
AUTH = (f"{os.environ['ZENDESK_EMAIL']}/token", os.environ["ZENDESK_API_TOKEN"])


def new_tickets():
    response = requests.get(f"https://{SUBDOMAIN}.zendesk.com/api/v2/search.json", params={"query": "type:ticket status:new"}, auth=AUTH, timeout=20)
    return response.json()["results"]


def set_priority(ticket_id, priority):
    requests.put(f"https://{SUBDOMAIN}.zendesk.com/api/v2/tickets/{ticket_id}.json", json={"ticket": {"priority": priority}}, auth=AUTH, timeout=20)
