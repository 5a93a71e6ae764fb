"""Agent types and topic names of the chargeback desk runtime, shared by the app and the worker."""

TRIAGE_AGENT_TYPE = "triage_agent"
REFUND_AGENT_TYPE = "refund_agent"
HUMAN_AGENT_TYPE = "human_agent"
USER_TOPIC_TYPE = "User"

MODEL = "gpt-4o-mini"
