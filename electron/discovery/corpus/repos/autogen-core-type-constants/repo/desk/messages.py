from dataclasses import dataclass

from autogen_core.models import LLMMessage


@dataclass
class UserTask:
    context: list[LLMMessage]


@dataclass
class AgentResponse:
    reply_to_topic_type: str
    context: list[LLMMessage]
