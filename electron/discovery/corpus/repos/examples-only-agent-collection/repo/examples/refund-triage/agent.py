"""Sorts the sandbox's open refund requests into approve / ask / reject, looking each charge up first."""
import asyncio
import os

import httpx
from agents import Agent, Runner, function_tool


@function_tool
def charge_details(charge_id: str) -> dict:
    """The charge a refund request is about."""
    return httpx.get(f"https://sandbox.northwind-pay.example/charges/{charge_id}", headers={"authorization": f"Bearer {os.environ['SANDBOX_TOKEN']}"}).json()


triage = Agent(name="Refund triage", instructions="Decide approve, ask or reject for each refund request.", tools=[charge_details], model="gpt-4.1-mini")


async def main() -> None:
    requests = httpx.get("https://sandbox.northwind-pay.example/refund-requests?state=open").json()
    for request in requests:
        result = await Runner.run(triage, f"Refund request: {request}")
        print(request["id"], result.final_output)


if __name__ == "__main__":
    asyncio.run(main())
