"""Scratch run of the refund desk against a sandbox charge (not deployed)."""
import asyncio

from google.adk.runners import InMemoryRunner
from google.genai import types

from refund_desk.agent import root_agent


async def main() -> None:
    runner = InMemoryRunner(agent=root_agent, app_name="refund_desk")
    session = await runner.session_service.create_session(app_name="refund_desk", user_id="qa")
    message = types.Content(role="user", parts=[types.Part(text="Refund ch_test_123 in full")])
    async for event in runner.run_async(user_id="qa", session_id=session.id, new_message=message):
        print(event)


asyncio.run(main())
