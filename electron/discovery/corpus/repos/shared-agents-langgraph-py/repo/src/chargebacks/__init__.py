"""The chargebacks graphs' agents, importable as `from chargebacks import payout_agent`."""
from .agents import escalation_agent, evidence_agent, payout_agent

__all__ = ["escalation_agent", "evidence_agent", "payout_agent"]
