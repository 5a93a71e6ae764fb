"""Every 15 minutes: new Zendesk tickets are screened for prompt injection, then the model sets
their priority. The customer's plan comes from our own accounts service."""
import os

import requests
from llm_guard.input_scanners import PromptInjection
from openai import OpenAI

from helpdesk.zendesk import new_tickets, set_priority

ACCOUNTS_API = os.environ["ACCOUNTS_API_URL"]
client = OpenAI()
scanner = PromptInjection(threshold=0.9)


def plan_of(requester_id):
    return requests.get(f"{ACCOUNTS_API}/customers/{requester_id}/plan", timeout=10).json()["plan"]


def main():
    for ticket in new_tickets():
        _, safe, _ = scanner.scan(ticket["description"])
        if not safe:
            set_priority(ticket["id"], "urgent")
            continue
        answer = client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[
                {"role": "system", "content": f"Customer plan: {plan_of(ticket['requester_id'])}. Answer with one of low, normal, high, urgent."},
                {"role": "user", "content": ticket["description"]},
            ],
        )
        set_priority(ticket["id"], answer.choices[0].message.content.strip())


if __name__ == "__main__":
    main()
