"""One analyst conversation: keeps the agent client open between questions."""

from claims_desk.agent_client import ClaimsAgent


class ClaimsSession:
    def __init__(self, session_id: str) -> None:
        self.session_id = session_id
        self.agent = ClaimsAgent()

    async def ask(self, text: str):
        async for event in self.agent.ask(text):
            yield {"session_id": self.session_id, **event}
