import json

from autogen_core import FunctionCall, MessageContext, RoutedAgent, TopicId, message_handler
from autogen_core.models import AssistantMessage, ChatCompletionClient, FunctionExecutionResult, FunctionExecutionResultMessage, LLMMessage, SystemMessage
from autogen_core.tools import Tool


class NoticeAgent(RoutedAgent):
    """A notices worker agent: writes with its model, runs its tools, passes the case on to the next type."""

    def __init__(self, description: str, system_message: SystemMessage, model_client: ChatCompletionClient, tools: list[Tool], next_topic_type: str) -> None:
        super().__init__(description)
        self._system_message = system_message
        self._model_client = model_client
        self._tools = {tool.name: tool for tool in tools}
        self._next_topic_type = next_topic_type

    @message_handler
    async def handle_case(self, message: list[LLMMessage], ctx: MessageContext) -> None:
        result = await self._model_client.create(messages=[self._system_message, *message], tools=[tool.schema for tool in self._tools.values()], cancellation_token=ctx.cancellation_token)
        while isinstance(result.content, list) and all(isinstance(call, FunctionCall) for call in result.content):
            outputs = [FunctionExecutionResult(call_id=call.id, content=str(await self._tools[call.name].run_json(json.loads(call.arguments), ctx.cancellation_token)), is_error=False, name=call.name) for call in result.content]
            message = [*message, AssistantMessage(content=result.content, source=self.id.type), FunctionExecutionResultMessage(content=outputs)]
            result = await self._model_client.create(messages=[self._system_message, *message], cancellation_token=ctx.cancellation_token)
        await self.publish_message([*message, AssistantMessage(content=result.content, source=self.id.type)], topic_id=TopicId(self._next_topic_type, source=self.id.key))
