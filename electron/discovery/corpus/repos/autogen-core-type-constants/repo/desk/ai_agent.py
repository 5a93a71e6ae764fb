import json

from autogen_core import FunctionCall, MessageContext, RoutedAgent, TopicId, message_handler
from autogen_core.models import AssistantMessage, ChatCompletionClient, FunctionExecutionResult, FunctionExecutionResultMessage, SystemMessage
from autogen_core.tools import Tool

from desk.messages import AgentResponse, UserTask


class AIAgent(RoutedAgent):
    """A desk agent: answers with its model, runs the tools it is given, delegates through delegate tools."""

    def __init__(self, description: str, system_message: SystemMessage, model_client: ChatCompletionClient, tools: list[Tool], delegate_tools: list[Tool], agent_topic_type: str, user_topic_type: str) -> None:
        super().__init__(description)
        self._system_message = system_message
        self._model_client = model_client
        self._tools = {tool.name: tool for tool in tools}
        self._delegate_tools = {tool.name: tool for tool in delegate_tools}
        self._agent_topic_type = agent_topic_type
        self._user_topic_type = user_topic_type

    @message_handler
    async def handle_task(self, message: UserTask, ctx: MessageContext) -> None:
        result = await self._model_client.create(
            messages=[self._system_message] + message.context,
            tools=[tool.schema for tool in self._tools.values()] + [tool.schema for tool in self._delegate_tools.values()],
            cancellation_token=ctx.cancellation_token,
        )
        while isinstance(result.content, list) and all(isinstance(call, FunctionCall) for call in result.content):
            outputs = []
            for call in result.content:
                if call.name in self._delegate_tools:
                    topic = await self._delegate_tools[call.name].run_json(json.loads(call.arguments), ctx.cancellation_token)
                    await self.publish_message(UserTask(context=message.context), topic_id=TopicId(str(topic), source=self.id.key))
                    return
                value = await self._tools[call.name].run_json(json.loads(call.arguments), ctx.cancellation_token)
                outputs.append(FunctionExecutionResult(call_id=call.id, content=str(value), is_error=False, name=call.name))
            message.context.extend([AssistantMessage(content=result.content, source=self.id.type), FunctionExecutionResultMessage(content=outputs)])
            result = await self._model_client.create(messages=[self._system_message] + message.context, cancellation_token=ctx.cancellation_token)
        message.context.append(AssistantMessage(content=result.content, source=self.id.type))
        await self.publish_message(AgentResponse(context=message.context, reply_to_topic_type=self._agent_topic_type), topic_id=TopicId(self._user_topic_type, source=self.id.key))
