import asyncio

from autogen_core import MessageContext, RoutedAgent, message_handler

from messages import AgentReply


class CustomerAgent(RoutedAgent):
    """Stands for the customer in the browser: forwards replies to the open HTTP stream."""

    def __init__(self, description: str, replies: asyncio.Queue) -> None:
        super().__init__(description)
        self._replies = replies

    @message_handler
    async def handle_reply(self, message: AgentReply, ctx: MessageContext) -> None:
        await self._replies.put(message.context[-1].content)
