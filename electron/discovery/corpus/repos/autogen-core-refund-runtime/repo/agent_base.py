import json

from autogen_core import FunctionCall, MessageContext, RoutedAgent, TopicId, message_handler
from autogen_core.models import AssistantMessage, ChatCompletionClient, FunctionExecutionResult, FunctionExecutionResultMessage, SystemMessage
from autogen_core.tools import Tool

from messages import AgentReply, CustomerTask


class DeskAgent(RoutedAgent):
    """An LLM agent of the refund desk: answers, calls its tools, replies on the customer's topic."""

    def __init__(self, description: str, system_message: SystemMessage, model_client: ChatCompletionClient, tools: list[Tool], user_topic_type: str) -> None:
        super().__init__(description)
        self._system_message = system_message
        self._model_client = model_client
        self._tools = {tool.name: tool for tool in tools}
        self._user_topic_type = user_topic_type

    @message_handler
    async def handle_task(self, message: CustomerTask, ctx: MessageContext) -> None:
        result = await self._model_client.create(
            messages=[self._system_message] + message.context,
            tools=[tool.schema for tool in self._tools.values()],
            cancellation_token=ctx.cancellation_token,
        )
        while isinstance(result.content, list) and all(isinstance(call, FunctionCall) for call in result.content):
            outputs = []
            for call in result.content:
                value = await self._tools[call.name].run_json(json.loads(call.arguments), ctx.cancellation_token)
                outputs.append(FunctionExecutionResult(call_id=call.id, content=str(value), is_error=False, name=call.name))
            message.context.extend([AssistantMessage(content=result.content, source=self.id.type), FunctionExecutionResultMessage(content=outputs)])
            result = await self._model_client.create(messages=[self._system_message] + message.context, cancellation_token=ctx.cancellation_token)
        message.context.append(AssistantMessage(content=result.content, source=self.id.type))
        await self.publish_message(AgentReply(reply_to_topic_type=self.id.type, context=message.context), topic_id=TopicId(self._user_topic_type, source=self.id.key))
