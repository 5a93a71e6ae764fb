from autogen_core import MessageContext, RoutedAgent, message_handler

from desk.messages import UserTask


class HumanAgent(RoutedAgent):
    """Parks a conversation for the chargeback team; no model involved."""

    def __init__(self, description: str, queue_name: str) -> None:
        super().__init__(description)
        self._queue_name = queue_name

    @message_handler
    async def handle_task(self, message: UserTask, ctx: MessageContext) -> None:
        print(f"[{self._queue_name}] escalated conversation {self.id.key} with {len(message.context)} messages")
