"""Merchant support graphs served by LangGraph Platform (see langgraph.json)."""
