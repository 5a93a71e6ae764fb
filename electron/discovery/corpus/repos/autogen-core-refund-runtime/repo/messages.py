from dataclasses import dataclass

from autogen_core.models import LLMMessage


@dataclass
class CustomerTask:
    context: list[LLMMessage]


@dataclass
class AgentReply:
    reply_to_topic_type: str
    context: list[LLMMessage]
